// H-MO-3, H-MO-6: the customer's account as finance sees it now — open fees, credit, deposits held
// — and whether the move-out can be settled. The server computes it; the page only shows it.
import { AccountBookOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Skeleton, Statistic, Tag } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useCan } from '../../../app/auth/me-context'
import { errorMessage } from '../../../ui/errors'
import { formatFen } from '../../../ui/money'
import { useSettlement } from '../../billing/api'
import type { CaseDetail } from '../api'

export function SettlementCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  const allowed = can('billing.read') && Boolean(detail.customerId)
  const settlement = useSettlement(allowed ? (detail.customerId ?? undefined) : undefined)
  // A step of the case may have moved money (a deduction from a deposit): read the account again.
  const { refetch } = settlement
  useEffect(() => {
    if (allowed) void refetch()
  }, [detail.version, allowed, refetch])
  if (!allowed) return null
  const s = settlement.data
  return (
    <Card
      size="small"
      title={t('cases.moveOut.balance')}
      extra={
        s && (
          <Tag color={s.settled ? 'green' : 'orange'}>
            {t(s.settled ? 'cases.moveOut.settled' : 'cases.moveOut.notSettled')}
          </Tag>
        )
      }
    >
      {settlement.isPending && <Skeleton active title={false} paragraph={{ rows: 2 }} />}
      {settlement.isError && <Alert type="error" title={errorMessage(t, settlement.error)} />}
      {s && (
        <Flex vertical gap={12}>
          <Flex wrap gap={24}>
            <Statistic
              title={t('statement.open')}
              value={formatFen(s.open)}
              styles={{ content: { fontSize: 18, color: s.open > 0 ? '#d46b08' : undefined } }}
            />
            <Statistic
              title={t('statement.credit')}
              value={formatFen(s.credit)}
              styles={{ content: { fontSize: 18 } }}
            />
            <Statistic
              title={t('statement.depositsHeld')}
              value={formatFen(s.depositsHeld)}
              styles={{ content: { fontSize: 18 } }}
            />
          </Flex>
          {!s.settled && <Alert type="warning" showIcon title={t('cases.moveOut.settleHint')} />}
          <Button
            size="small"
            icon={<AccountBookOutlined />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => void navigate(`/billing/customers/${detail.customerId ?? ''}`)}
          >
            {t('cases.moveOut.statement')}
          </Button>
        </Flex>
      )}
    </Card>
  )
}

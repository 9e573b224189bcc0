// 施工人员与出入证 (H-FO-8, H-FO-9): the roster the customer sent (ID numbers and phones masked by
// the server) and the passes security issued from it — valid today or not, suspended while the
// works are stopped, revoked with a reason, collected at the end.
import { PrinterOutlined, ScanOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Table, Tabs, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useCurrentUser } from '../../../../app/auth/me-context'
import { errorMessage } from '../../../../ui/errors'
import type { CaseDetail } from '../../api'
import { type FitOutPass, type PassStatus, useCasePasses } from '../../fit-out-api'
import { StepButton } from '../StepButton'
import { fitOutData, type RosterWorker } from './fit-out-data'
import { isLive } from './forms/PassForms'

const STATUS_COLOUR: Record<PassStatus, string> = {
  active: 'green',
  suspended: 'orange',
  revoked: 'red',
  collected: 'default',
}

export function PassStatusTag({ pass }: { pass: FitOutPass }) {
  const { t } = useTranslation()
  const tag = (
    <Tag color={STATUS_COLOUR[pass.status]}>{t(`cases.fitOut.passStatus.${pass.status}`)}</Tag>
  )
  return pass.statusReason ? <Tooltip title={pass.statusReason}>{tag}</Tooltip> : tag
}

const passOf = (passes: FitOutPass[], w: RosterWorker) =>
  passes.findLast((p) => p.workerName === w.name && p.idNumber === w.idNumber)

export function WorkersCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const staff = useCurrentUser().kind === 'staff'
  const data = fitOutData(detail)
  const roster = data.roster ?? []
  const passes = useCasePasses(detail.id, detail.version, roster.length > 0)
  const list = passes.data ?? []
  const live = list.filter(isLive).length

  const rosterTable = (
    <Table<RosterWorker>
      rowKey={(w) => `${w.name}|${w.idNumber}`}
      size="small"
      pagination={false}
      dataSource={roster}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '#', key: 'n', width: 40, render: (_, __, i) => i + 1 },
        { title: t('cases.item.workers.name'), dataIndex: 'name' },
        { title: t('cases.item.workers.idNumber'), dataIndex: 'idNumber', className: 'mono' },
        { title: t('cases.item.workers.role'), dataIndex: 'role' },
        { title: t('cases.item.workers.phone'), dataIndex: 'phone', className: 'mono' },
        {
          title: t('cases.fitOut.passes.pass'),
          key: 'pass',
          render: (_, w) => {
            const pass = passOf(list, w)
            return pass ? (
              <Flex gap={4} align="center">
                <Typography.Text className="mono">{pass.number}</Typography.Text>
                <PassStatusTag pass={pass} />
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('cases.fitOut.passes.none')}</Typography.Text>
            )
          },
        },
      ]}
    />
  )

  const passTable = (
    <Table<FitOutPass>
      rowKey="id"
      size="small"
      pagination={false}
      loading={passes.isPending}
      dataSource={list}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('cases.fitOut.passes.notIssued') }}
      columns={[
        { title: t('cases.fitOut.passes.number'), dataIndex: 'number', className: 'mono' },
        {
          title: t('cases.item.workers.name'),
          key: 'worker',
          render: (_, p) => `${p.workerName} · ${p.workerRole}`,
        },
        { title: t('cases.item.workers.idNumber'), dataIndex: 'idNumber', className: 'mono' },
        {
          title: t('cases.fitOut.passes.validity'),
          key: 'valid',
          render: (_, p) => `${p.validFrom} ～ ${p.validTo}`,
        },
        {
          title: t('cases.fitOut.passes.status'),
          key: 'status',
          render: (_, p) => (
            <Flex gap={4} wrap>
              <PassStatusTag pass={p} />
              {isLive(p) && (
                <Tag color={p.validToday ? 'green' : 'default'} variant="outlined">
                  {t(p.validToday ? 'cases.fitOut.passes.today' : 'cases.fitOut.passes.notToday')}
                </Tag>
              )}
            </Flex>
          ),
        },
        {
          key: 'actions',
          render: (_, p) => (
            <Flex gap={4}>
              {staff && (
                <Link to={`/gate/pass/${p.id}`} title={t('cases.fitOut.passes.gate')}>
                  <ScanOutlined /> {t('cases.fitOut.passes.gate')}
                </Link>
              )}
              {isLive(p) && (
                <StepButton
                  detail={detail}
                  action="revoke_pass"
                  preset={{ passId: p.id }}
                  danger
                  type="link"
                />
              )}
            </Flex>
          ),
        },
      ]}
    />
  )

  return (
    <Card
      size="small"
      title={t('cases.fitOut.workers')}
      extra={
        <Flex gap={8} wrap>
          <StepButton detail={detail} action="submit_roster" />
          <StepButton detail={detail} action="issue_passes" type="primary" />
          <StepButton detail={detail} action="collect_passes" />
          {staff && list.length > 0 && (
            <Button
              size="small"
              icon={<PrinterOutlined />}
              onClick={() => void navigate(`/cases/${detail.id}/passes/print`)}
            >
              {t('cases.fitOut.printPasses')}
            </Button>
          )}
        </Flex>
      }
    >
      {passes.isError && <Alert type="error" title={errorMessage(t, passes.error)} />}
      {data.passesCollected && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('cases.fitOut.passes.collected', { date: data.passesCollectedOn ?? '—' })}
        />
      )}
      <Tabs
        size="small"
        items={[
          {
            key: 'roster',
            label: t('cases.fitOut.rosterTab', { count: roster.length }),
            children: rosterTable,
          },
          {
            key: 'passes',
            label: t('cases.fitOut.passesTab', { live, total: list.length }),
            children: passTable,
          },
        ]}
      />
    </Card>
  )
}

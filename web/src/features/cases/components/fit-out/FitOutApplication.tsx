// 装修申请表 as received (H-FO-1), with the works schedule once the roster came (H-FO-8) and the
// door permit (装修许可证) once security issued the passes (H-FO-9).
import { PrinterOutlined } from '@ant-design/icons'
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useCurrentUser } from '../../../../app/auth/me-context'
import type { CaseDetail } from '../../api'
import { enumLabel } from '../../labels'
import { fitOutData } from './fit-out-data'

export function FitOutApplication({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const staff = useCurrentUser().kind === 'staff'
  const data = fitOutData(detail)
  const c = data.contractor
  const schedule = data.schedule
  const dash = (v?: string | number | null) => (v === undefined || v === null || v === '' ? '—' : v)
  return (
    <Card
      size="small"
      title={t('cases.fitOut.application')}
      extra={
        staff &&
        data.permitIssuedOn && (
          <Button
            size="small"
            icon={<PrinterOutlined />}
            onClick={() => void navigate(`/cases/${detail.id}/permit`)}
          >
            {t('cases.fitOut.printPermit')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'name', label: t('cases.field.contractorName'), children: dash(c?.name) },
          {
            key: 'licence',
            label: t('cases.field.licenceNumber'),
            children: dash(c?.licenceNumber),
          },
          { key: 'lead', label: t('cases.field.siteLead'), children: dash(c?.siteLead) },
          { key: 'phone', label: t('cases.field.siteLeadPhone'), children: dash(c?.siteLeadPhone) },
          {
            key: 'scope',
            label: t('cases.field.scope'),
            span: 'filled',
            children: (
              <Flex wrap gap={4}>
                {(data.scope ?? []).map((s) => (
                  <Tag key={s} color={s === 'fire_system' ? 'red' : 'blue'}>
                    {enumLabel(t, 'scope', s)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'details',
            label: t('cases.field.scopeDetails'),
            span: 'filled',
            children: (
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                {dash(data.scopeDetails)}
              </Typography.Text>
            ),
          },
          {
            key: 'dates',
            label: t('cases.fitOut.appliedPeriod'),
            children: `${dash(data.startDate)} ～ ${dash(data.endDate)}`,
          },
          { key: 'workers', label: t('cases.field.workerCount'), children: dash(data.workerCount) },
          ...(schedule
            ? [
                {
                  key: 'schedule',
                  label: t('cases.fitOut.schedule'),
                  children: `${schedule.startDate} ～ ${schedule.endDate}`,
                },
                {
                  key: 'hours',
                  label: t('cases.field.dailyHours'),
                  children: schedule.dailyHours,
                },
              ]
            : []),
          ...(data.permitIssuedOn
            ? [
                {
                  key: 'permit',
                  label: t('cases.field.permitIssuedOn'),
                  children: data.permitIssuedOn,
                },
                {
                  key: 'rules',
                  label: t('cases.field.rulesExplainedOn'),
                  children: dash(data.rulesExplainedOn),
                },
              ]
            : []),
          ...(data.completedOn
            ? [
                {
                  key: 'completed',
                  label: t('cases.field.completedOn'),
                  children: data.completedOn,
                },
              ]
            : []),
        ]}
      />
    </Card>
  )
}

import { ClockCircleOutlined, PauseCircleOutlined, RiseOutlined } from '@ant-design/icons'
import { Tag, Tooltip, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../ui/format'
import type { CasePriority, CaseSummary, CaseType } from '../api'
import { fromNow, stateLabel } from '../labels'

// Colours only: where a case stands at a glance. The states themselves are the server's.
const STATE_COLOURS: Record<string, string> = {
  registered: 'blue',
  logged: 'blue',
  open: 'blue',
  reported: 'red',
  issued: 'blue',
  resolved: 'purple',
  awaiting_follow_up: 'purple',
  quoted: 'gold',
  completed: 'cyan',
  closed: 'default',
  answered: 'green',
  done: 'green',
  cancelled: 'default',
  // a fit-out's stages worth seeing from afar
  returned: 'orange',
  approved: 'green',
  stopped: 'red',
  rectifying: 'orange',
  accepted: 'green',
  refunded: 'cyan',
}

export function StateTag({ type, state }: { type: CaseType; state: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATE_COLOURS[state] ?? 'processing'} variant="outlined">
      {stateLabel(t, type, state)}
    </Tag>
  )
}

export function PriorityTag({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation()
  if (priority === 'normal') return <Tag>{t('cases.priority.normal')}</Tag>
  return (
    <Tag color={priority === 'emergency' ? 'red' : 'volcano'} variant="solid">
      {t(`cases.priority.${priority}`)}
    </Tag>
  )
}

export function TypeTag({ type }: { type: CaseType }) {
  const { t } = useTranslation()
  return <Tag variant="filled">{t(`cases.type.${type}`)}</Tag>
}

/** The nearest due time, relative ("3 小时后"), red once it has passed. */
export function DueText({
  dueAt,
  overdue,
  timeZone,
}: {
  dueAt: string | null
  overdue?: boolean
  timeZone: string
}) {
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>
  const late = overdue || dayjs(dueAt).isBefore(dayjs())
  return (
    <Tooltip title={formatDateTime(dueAt, timeZone)}>
      <Typography.Text type={late ? 'danger' : undefined} strong={late}>
        {fromNow(dueAt)}
      </Typography.Text>
    </Tooltip>
  )
}

/** Overdue, escalated and waiting-for-the-customer marks of a case. */
export function CaseFlags({
  item,
}: {
  item: Pick<CaseSummary, 'overdue' | 'escalationLevel' | 'paused'>
}) {
  const { t } = useTranslation()
  return (
    <>
      {item.overdue && (
        <Tag color="red" icon={<ClockCircleOutlined />}>
          {t('cases.flags.overdue')}
        </Tag>
      )}
      {item.escalationLevel > 0 && (
        <Tag color="magenta" icon={<RiseOutlined />}>
          {t('cases.flags.escalated', { level: item.escalationLevel })}
        </Tag>
      )}
      {item.paused && (
        <Tag color="gold" icon={<PauseCircleOutlined />}>
          {t('cases.flags.paused')}
        </Tag>
      )}
    </>
  )
}

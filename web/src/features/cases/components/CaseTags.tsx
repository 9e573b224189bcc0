import { ClockCircleOutlined, PauseCircleOutlined, RiseOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type Look, type TagColor, useLook } from '../../../ui/antd-look'
import { formatDateTime } from '../../../ui/format'
import { LazyTooltip } from '../../../ui/LazyTooltip'
import type { CasePriority, CaseSummary, CaseType } from '../api'
import { fromNow, stateLabel } from '../labels'

// Tags and texts with antd's Tag and Typography.Text look and markup, as plain spans (antd-look.tsx):
// the queue shows four or five of them on each of its fifty rows.

// Colours only: where a case stands at a glance. The states themselves are the server's.
const STATE_COLOURS: Record<string, TagColor> = {
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

/**
 * The tags and texts below as plain functions of the translator and the look: a table calls them
 * for each of its rows (CaseTable) without a component, and so without hooks, per tag.
 */
export const caseTags = {
  state: (t: TFunction, look: Look, type: CaseType, state: string) => (
    <span className={look.tag('outlined', STATE_COLOURS[state] ?? 'processing')}>
      {stateLabel(t, type, state)}
    </span>
  ),
  priority: (t: TFunction, look: Look, priority: CasePriority) =>
    priority === 'normal' ? (
      <span className={look.tag()}>{t('cases.priority.normal')}</span>
    ) : (
      <span className={look.tag('solid', priority === 'emergency' ? 'red' : 'volcano')}>
        {t(`cases.priority.${priority}`)}
      </span>
    ),
  type: (t: TFunction, look: Look, type: CaseType) => (
    <span className={look.tag('filled')}>{t(`cases.type.${type}`)}</span>
  ),
  /** The nearest due time, relative ("3 小时后"), red once it has passed; the time on hover. */
  due: (look: Look, dueAt: string | null, overdue: boolean | undefined, timeZone: string) => {
    if (!dueAt) return <span className={look.text('secondary')}>—</span>
    const late = overdue || dayjs(dueAt).isBefore(dayjs())
    return (
      <LazyTooltip
        title={() => formatDateTime(dueAt, timeZone)}
        className={look.text(late ? 'danger' : undefined)}
      >
        {late ? <strong>{fromNow(dueAt)}</strong> : fromNow(dueAt)}
      </LazyTooltip>
    )
  },
  /** Overdue, escalated and waiting-for-the-customer marks of a case. */
  flags: (t: TFunction, look: Look, item: Flagged) => (
    <>
      {item.overdue && (
        <span className={look.tag('filled', 'red')}>
          <ClockCircleOutlined />
          <span>{t('cases.flags.overdue')}</span>
        </span>
      )}
      {item.escalationLevel > 0 && (
        <span className={look.tag('filled', 'magenta')}>
          <RiseOutlined />
          <span>{t('cases.flags.escalated', { level: item.escalationLevel })}</span>
        </span>
      )}
      {item.paused && (
        <span className={look.tag('filled', 'gold')}>
          <PauseCircleOutlined />
          <span>{t('cases.flags.paused')}</span>
        </span>
      )}
    </>
  ),
}

type Flagged = Pick<CaseSummary, 'overdue' | 'escalationLevel' | 'paused'>

export function StateTag({ type, state }: { type: CaseType; state: string }) {
  const { t } = useTranslation()
  return caseTags.state(t, useLook(), type, state)
}

export function PriorityTag({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation()
  return caseTags.priority(t, useLook(), priority)
}

export function TypeTag({ type }: { type: CaseType }) {
  const { t } = useTranslation()
  return caseTags.type(t, useLook(), type)
}

export function DueText({
  dueAt,
  overdue,
  timeZone,
}: {
  dueAt: string | null
  overdue?: boolean
  timeZone: string
}) {
  return caseTags.due(useLook(), dueAt, overdue, timeZone)
}

export function CaseFlags({ item }: { item: Flagged }) {
  const { t } = useTranslation()
  return caseTags.flags(t, useLook(), item)
}

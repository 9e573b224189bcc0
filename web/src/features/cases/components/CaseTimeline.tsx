import { Card, Flex, Tag, Timeline, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCurrentUser } from '../../../app/auth/me-context'
import { formatDateTime } from '../../../ui/format'
import { attachmentUrl, type CaseDetail, type CaseType, type TimelineEvent } from '../api'
import { actionLabel, dataText, fieldLabel, shownEntries, stateLabel } from '../labels'

/** What happened, in one line: "赵工程主管 受理", "系统 处理时限已超时". */
function headline(t: TFunction, type: CaseType, e: TimelineEvent): string {
  const deadline =
    typeof e.data.deadline === 'string' ? t(`cases.deadlineName.${e.data.deadline}`) : ''
  switch (e.kind) {
    case 'action':
      return actionLabel(t, e.action ?? '', type)
    case 'created':
      return t('cases.timeline.created', { state: stateLabel(t, type, e.toState ?? '') })
    case 'overdue':
      return t('cases.timeline.overdue', { deadline })
    case 'deadline':
      return t('cases.timeline.reminder', { deadline })
    case 'escalated':
      return t('cases.timeline.escalated', { level: Number(e.data.level ?? 1) })
    default:
      return t(`cases.timeline.kind.${e.kind}`, { defaultValue: e.kind })
  }
}

/** An escalation's cause as a reader would say it: "overdue:resolve" → "处理时限超时". */
function reasonText(t: TFunction, reason: string): string {
  const overdue = /^overdue:(\w+)$/.exec(reason)
  return overdue
    ? t('cases.timeline.overdueCause', { deadline: t(`cases.deadlineName.${overdue[1]}`) })
    : reason
}

function EventBody({
  event: e,
  timeZone,
  caseId,
  type,
}: {
  event: TimelineEvent
  timeZone: string
  caseId: string
  type: CaseType
}) {
  const { t } = useTranslation()
  const exception = e.data.exception === true
  const flagged = exception || e.kind === 'escalated'
  const child = typeof e.data.childId === 'string' ? e.data.childId : null
  const entries = e.kind === 'created' || e.kind === 'action' ? shownEntries(e.data) : []
  return (
    <Flex vertical gap={4}>
      {e.reason && (
        <div className={flagged ? 'case-timeline-exception' : undefined}>
          {flagged && (
            <strong>
              {t(exception ? 'cases.timeline.exception' : 'cases.timeline.escalationReason')}：
            </strong>
          )}
          {reasonText(t, e.reason)}
        </div>
      )}
      {e.kind === 'comment' && typeof e.data.text === 'string' && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {e.data.text}
        </Typography.Paragraph>
      )}
      {e.kind === 'attachment' && typeof e.data.attachmentId === 'string' && (
        <a href={attachmentUrl(caseId, e.data.attachmentId)} target="_blank" rel="noreferrer">
          {String(e.data.fileName ?? '')}
        </a>
      )}
      {entries.map(([key, value]) => (
        <Typography.Text key={key} style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{fieldLabel(t, key, type)}：</Typography.Text>
          {dataText(t, key, value, timeZone)}
        </Typography.Text>
      ))}
      {child && (
        <Link to={`/cases/${child}`}>
          {t('cases.timeline.raised', { number: String(e.data.number ?? '') })}
        </Link>
      )}
    </Flex>
  )
}

const COLOURS: Record<string, string> = {
  created: 'blue',
  overdue: 'red',
  escalated: 'red',
  deadline: 'orange',
  comment: 'gray',
  attachment: 'gray',
}

/** 处理记录: the case's append-only timeline, exceptions and escalations marked with their reason. */
export function CaseTimeline({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  // Staff see which entries the customer sees too; a customer sees only those.
  const staffView = useCurrentUser().kind === 'staff'
  const items = detail.timeline.map((e) => ({
    key: e.id,
    color: e.data.exception === true ? 'orange' : (COLOURS[e.kind] ?? 'green'),
    content: (
      <Flex vertical gap={2} className={`case-event case-event-${e.kind}`}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{headline(t, detail.type, e)}</Typography.Text>
          {e.fromState && e.toState && e.fromState !== e.toState && (
            <Typography.Text type="secondary">
              {stateLabel(t, detail.type, e.fromState)} → {stateLabel(t, detail.type, e.toState)}
            </Typography.Text>
          )}
          {staffView &&
            (e.visibility === 'customer' ? (
              <Tag color="green">{t('cases.timeline.customerVisible')}</Tag>
            ) : (
              <Tag>{t('cases.timeline.internal')}</Tag>
            ))}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {e.actorName} · {formatDateTime(e.at, timeZone)}
        </Typography.Text>
        <EventBody event={e} timeZone={timeZone} caseId={detail.id} type={detail.type} />
      </Flex>
    ),
  }))
  return (
    <Card title={t('cases.detail.timeline')} size="small">
      <Timeline items={items} />
    </Card>
  )
}

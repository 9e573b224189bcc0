import { Card, List, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../ui/format'
import type { Deadline } from '../api'
import { fromNow } from '../labels'

/** The time now, refreshed every half minute: countdowns move without a reload. */
function useNow(everyMs = 30_000) {
  const [now, setNow] = useState(() => dayjs())
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

function DeadlineState({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation()
  const now = useNow()
  switch (deadline.status) {
    case 'met':
      return deadline.late ? (
        <Tag color="orange">{t('cases.deadline.metLate')}</Tag>
      ) : (
        <Tag color="green">{t('cases.deadline.metOnTime')}</Tag>
      )
    case 'cancelled':
      return <Tag>{t('cases.deadline.cancelled')}</Tag>
    case 'paused':
      return <Tag color="gold">{t('cases.deadline.paused')}</Tag>
    case 'running':
      return dayjs(deadline.dueAt).isBefore(now) || deadline.overdueAt ? (
        <Tag color="red">{t('cases.deadline.overdue', { since: fromNow(deadline.dueAt) })}</Tag>
      ) : (
        <Tag color="blue">{t('cases.deadline.running', { left: fromNow(deadline.dueAt) })}</Tag>
      )
  }
}

/** 时限: each deadline of the case, when it falls due, and how it stands. */
export function DeadlinesCard({
  deadlines,
  timeZone,
}: {
  deadlines: Deadline[]
  timeZone: string
}) {
  const { t } = useTranslation()
  return (
    <Card title={t('cases.detail.deadlines')} size="small">
      <List
        size="small"
        dataSource={deadlines}
        locale={{ emptyText: t('cases.detail.noDeadlines') }}
        renderItem={(d) => (
          <List.Item extra={<DeadlineState deadline={d} />}>
            <List.Item.Meta
              title={t(`cases.deadlineName.${d.name}`)}
              description={
                <Typography.Text type="secondary">
                  {t('cases.deadline.due', { at: formatDateTime(d.dueAt, timeZone).slice(0, 16) })}
                  {d.metAt &&
                    ` · ${t('cases.deadline.metAt', { at: formatDateTime(d.metAt, timeZone).slice(0, 16) })}`}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  )
}

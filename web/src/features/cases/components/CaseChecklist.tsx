// A procedure's steps as a checklist (客户入驻 / 客户迁出): each step done or not, who took it and
// when (from the timeline), who signed it (from the sign-offs), and what it recorded.
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons'
import { Card, Flex, List, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../ui/format'
import type { CaseDetail, TimelineEvent } from '../api'
import { actionLabel, roleLabel } from '../labels'
import '../moves.css'

export type ChecklistStep = {
  key: string
  /** The actions that complete the step (an exception counts too: return_keys_short). */
  actions: string[]
  /** The handbook clause it honours (H-MO-3), shown beside the step. */
  clause?: string
  /** What the step recorded, shown once it is done (or what is known before). */
  detail?: ReactNode
  /** A step the case does without (an apartment's inspection) when nothing else says so. */
  optional?: boolean
}

/** The last time one of these actions was taken, from the timeline. */
export function lastEvent(detail: CaseDetail, actions: string[]): TimelineEvent | undefined {
  return detail.timeline.findLast((e) => e.kind === 'action' && actions.includes(e.action ?? ''))
}

export function CaseChecklist({
  title,
  detail,
  steps,
  timeZone,
}: {
  title: string
  detail: CaseDetail
  steps: ChecklistStep[]
  timeZone: string
}) {
  const { t } = useTranslation()
  const at = (iso: string) => formatDateTime(iso, timeZone).slice(0, 16)
  return (
    <Card size="small" title={title}>
      <List
        size="small"
        dataSource={steps}
        renderItem={(step) => {
          const event = lastEvent(detail, step.actions)
          const signed = detail.signOffs.findLast((s) => step.actions.includes(s.action))
          const done = Boolean(event)
          return (
            <List.Item key={step.key} className={done ? 'checklist-done' : 'checklist-open'}>
              <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
                {done ? (
                  <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18, marginTop: 3 }} />
                ) : (
                  <ClockCircleOutlined style={{ color: '#bfbfbf', fontSize: 18, marginTop: 3 }} />
                )}
                <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong={done} type={done ? undefined : 'secondary'}>
                      {actionLabel(t, event?.action ?? step.actions[0] ?? step.key, detail.type)}
                    </Typography.Text>
                    {step.clause && <Tag variant="filled">{step.clause}</Tag>}
                    {!done && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(step.optional ? 'cases.checklist.optional' : 'cases.checklist.open')}
                      </Typography.Text>
                    )}
                  </Flex>
                  {event && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {event.actorName} · {at(event.at)}
                      {signed &&
                        ` · ${t('cases.checklist.signedBy', {
                          name: signed.signerName,
                          role: roleLabel(t, signed.signerRole),
                        })}`}
                    </Typography.Text>
                  )}
                  {step.detail}
                </Flex>
              </Flex>
            </List.Item>
          )
        }}
      />
    </Card>
  )
}

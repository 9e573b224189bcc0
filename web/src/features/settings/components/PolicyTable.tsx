import { EditOutlined } from '@ant-design/icons'
import { Alert, Button, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../ui/errors'
import { type DeadlinePolicy, useDeadlinePolicies } from '../api'
import { formatMinutes } from '../duration'
import { PolicyModal } from './PolicyModal'

const PRIORITY_COLOR: Record<DeadlinePolicy['priority'], string> = {
  normal: 'default',
  urgent: 'orange',
  emergency: 'red',
}

/** 时限标准: every case type × priority, as the server lists them, each editable in a modal. */
export function PolicyTable() {
  const { t } = useTranslation()
  const policies = useDeadlinePolicies()
  const [editing, setEditing] = useState<DeadlinePolicy | null>(null)
  const rows = policies.data ?? []
  // The first row of each case type spans that type's rows.
  const span = (policy: DeadlinePolicy, index: number) =>
    rows[index - 1]?.caseType === policy.caseType
      ? 0
      : rows.filter((p) => p.caseType === policy.caseType).length
  const duration = (minutes: number) => formatMinutes(t, minutes)

  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('settings.deadlines.policiesHint')}
      </Typography.Paragraph>
      {policies.isError && <Alert type="error" title={errorMessage(t, policies.error)} />}
      <Table<DeadlinePolicy>
        rowKey={(p) => `${p.caseType}/${p.priority}`}
        size="small"
        pagination={false}
        loading={policies.isPending}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('settings.deadlines.caseType'),
            dataIndex: 'caseType',
            onCell: (p, index = 0) => ({ rowSpan: span(p, index) }),
            render: (type: DeadlinePolicy['caseType']) => t(`cases.type.${type}`),
          },
          {
            title: t('settings.deadlines.priority'),
            dataIndex: 'priority',
            render: (priority: DeadlinePolicy['priority']) => (
              <Tag color={PRIORITY_COLOR[priority]}>{t(`cases.priority.${priority}`)}</Tag>
            ),
          },
          { title: t('settings.deadlines.respond'), dataIndex: 'respondMinutes', render: duration },
          { title: t('settings.deadlines.resolve'), dataIndex: 'resolveMinutes', render: duration },
          {
            title: t('settings.deadlines.followUp'),
            dataIndex: 'followUpMinutes',
            render: duration,
          },
          {
            title: t('settings.deadlines.clock'),
            dataIndex: 'workingTime',
            render: (working: boolean) =>
              working ? (
                t('settings.deadlines.workingTime')
              ) : (
                <Tag color="purple">{t('settings.deadlines.roundTheClock')}</Tag>
              ),
          },
          {
            title: t('settings.deadlines.followUpPercent'),
            dataIndex: 'followUpPercent',
            align: 'right',
            render: (percent: number) => `${percent}%`,
          },
          {
            title: t('common.actions'),
            key: 'edit',
            render: (_, policy) => (
              <>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(policy)}
                  aria-label={`${t('common.edit')} ${t(`cases.type.${policy.caseType}`)} ${t(`cases.priority.${policy.priority}`)}`}
                >
                  {t('common.edit')}
                </Button>
                {policy.version === 0 && (
                  <Tag style={{ marginInlineStart: 8 }}>{t('settings.deadlines.isDefault')}</Tag>
                )}
              </>
            ),
          },
        ]}
      />
      {editing && <PolicyModal policy={editing} onClose={() => setEditing(null)} />}
    </>
  )
}

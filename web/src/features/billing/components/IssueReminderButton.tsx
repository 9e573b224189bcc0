import { BellOutlined, DownOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../../ui/errors'
import { type ReminderLevel, useIssueReminder } from '../api'
import { useIdempotencyKey } from '../useIdempotencyKey'

const LEVELS: ReminderLevel[] = ['first', 'second']

/** Issues a first or second reminder notice for what is overdue, then opens it to print. */
export function IssueReminderButton({
  customerId,
  disabled,
}: {
  customerId: string
  disabled: boolean
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const issue = useIssueReminder()
  const keyFor = useIdempotencyKey()

  const onIssue = (level: ReminderLevel) =>
    issue.mutate(
      { key: keyFor({ customerId, level }), customerId, level },
      {
        onSuccess: (reminder) => {
          void message.success(t('reminder.issued', { number: reminder.number }))
          void navigate(`/billing/reminders/${reminder.id}/print`)
        },
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    )

  return (
    <Dropdown
      disabled={disabled || issue.isPending}
      menu={{
        items: LEVELS.map((level) => ({ key: level, label: t(`reminderLevel.${level}`) })),
        onClick: ({ key }) => onIssue(key === 'second' ? 'second' : 'first'),
      }}
    >
      <Button
        icon={<BellOutlined />}
        loading={issue.isPending}
        title={disabled ? t('reminder.nothingOverdue') : undefined}
      >
        {t('reminder.issue')} <DownOutlined />
      </Button>
    </Dropdown>
  )
}

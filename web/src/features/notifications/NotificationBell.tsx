import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, Popover } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useUnreadCount } from './api'
import { NotificationPanel } from './NotificationPanel'

/** The bell in the shell's header: the unread badge, and the list in a popover. */
export function NotificationBell() {
  const { t } = useTranslation()
  const unread = useUnreadCount().data ?? 0
  const [open, setOpen] = useState(false)

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      arrow={false}
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      content={<NotificationPanel onLeave={() => setOpen(false)} />}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[-6, 6]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={
            unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
          }
        />
      </Badge>
    </Popover>
  )
}

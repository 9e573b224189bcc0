import { CheckOutlined } from '@ant-design/icons'
import { Button, Empty, Flex, Spin, Switch, Tag, theme, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useMarkAllRead, useMarkRead, useNotifications, type Notification } from './api'
import { notificationText, timeAgo } from './message'

/** The caller's notifications, newest first: open one's case, mark one or all read. */
export function NotificationPanel({ onLeave }: { onLeave: () => void }) {
  const { t } = useTranslation()
  const [unreadOnly, setUnreadOnly] = useState(false)
  const list = useNotifications(unreadOnly)
  const markAll = useMarkAllRead()
  const items = list.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <div style={{ width: 360 }}>
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('notifications.title')}
        </Typography.Text>
        <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />
        <Typography.Text type="secondary">{t('notifications.unreadOnly')}</Typography.Text>
        <Button size="small" loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflowY: 'auto' }} role="list">
        {list.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          items.map((n) => <NotificationRow key={n.id} n={n} onLeave={onLeave} />)
        )}
        {list.hasNextPage && (
          <Flex justify="center" style={{ padding: 8 }}>
            <Button
              type="link"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </div>
    </div>
  )
}

function NotificationRow({ n, onLeave }: { n: Notification; onLeave: () => void }) {
  const { t, i18n } = useTranslation()
  const { token } = theme.useToken()
  const navigate = useNavigate()
  const markRead = useMarkRead()
  const unread = n.readAt === null
  const text = notificationText(t, (key) => i18n.exists(key), n)

  const openCase = () => {
    if (unread) markRead.mutate(n.id)
    onLeave()
    void navigate(`/cases/${n.caseId}`)
  }

  return (
    <Flex
      role="listitem"
      gap={8}
      align="start"
      style={{
        padding: '8px 4px',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: unread ? token.colorPrimaryBg : undefined,
      }}
    >
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text
          strong={unread}
          type={n.urgent ? 'danger' : undefined}
          style={{ overflowWrap: 'anywhere' }}
        >
          {n.urgent && (
            <Tag color="red" style={{ marginInlineEnd: 6 }}>
              {t('notifications.urgent')}
            </Tag>
          )}
          {text}
        </Typography.Text>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {timeAgo(n.createdAt)}
          </Typography.Text>
          {n.caseId && (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={openCase}>
              {t('notifications.openCase')}
            </Button>
          )}
        </Flex>
      </Flex>
      {unread && (
        <Tooltip title={t('notifications.markRead')}>
          <Button
            type="text"
            size="small"
            icon={<CheckOutlined />}
            aria-label={t('notifications.markRead')}
            loading={markRead.isPending}
            onClick={() => markRead.mutate(n.id)}
          />
        </Tooltip>
      )}
    </Flex>
  )
}

import { useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { meKey } from '../identity/api'
import { notificationsKey, setUnreadCount, type LiveData } from './api'
import { notificationText } from './message'

const FIRST_RETRY_MS = 5_000
const MAX_RETRY_MS = 60_000
// The cases feature keeps every query under this prefix: a case change reloads what shows it.
const casesKey = ['cases'] as const

const parse = <T>(event: Event) => JSON.parse((event as MessageEvent<string>).data) as T

/**
 * The live stream (GET /api/v1/events), opened once by the shell: a new notification sets the
 * unread badge and shows a toast; a changed case reloads the case queries. The browser reconnects
 * by itself after a network error; a refused stream (a lost session) is opened again after a
 * growing delay, and whatever may have been missed meanwhile is reloaded.
 */
export function useLiveEvents() {
  const queryClient = useQueryClient()
  const { notification } = App.useApp()
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  // The toast reads these at the time it shows; a language change must not reconnect.
  const latest = useRef({ t, i18n, navigate, notification })
  useEffect(() => {
    latest.current = { t, i18n, navigate, notification }
  })

  useEffect(() => {
    let source: EventSource | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    let delay = FIRST_RETRY_MS
    let connectedBefore = false

    const reloadAll = () => {
      void queryClient.invalidateQueries({ queryKey: notificationsKey })
      void queryClient.invalidateQueries({ queryKey: casesKey })
    }

    const onReady = (event: Event) => {
      const { unreadCount } = parse<LiveData<'ready'>>(event)
      setUnreadCount(queryClient, unreadCount)
      if (connectedBefore) reloadAll()
      connectedBefore = true
      delay = FIRST_RETRY_MS
    }

    const onNotification = (event: Event) => {
      const { notification: n, unreadCount } = parse<LiveData<'notification'>>(event)
      setUnreadCount(queryClient, unreadCount)
      void queryClient.invalidateQueries({ queryKey: [...notificationsKey, 'list'] })
      const { t, i18n, navigate, notification } = latest.current
      const open = n.caseId ? () => void navigate(`/cases/${n.caseId}`) : undefined
      notification[n.urgent ? 'warning' : 'info']({
        key: n.id,
        title: t(n.urgent ? 'notifications.urgentTitle' : 'notifications.newTitle'),
        description: notificationText(t, (key) => i18n.exists(key), n),
        ...(open ? { onClick: open, style: { cursor: 'pointer' } } : {}),
        // Urgent ones stay until closed; at the bottom, so they never cover the header's bell.
        duration: n.urgent ? 0 : 6,
        placement: 'bottomRight',
      })
    }

    const onCase = () => void queryClient.invalidateQueries({ queryKey: casesKey })

    const connect = () => {
      source = new EventSource('/api/v1/events')
      source.addEventListener('ready', onReady)
      source.addEventListener('notification', onNotification)
      source.addEventListener('case', onCase)
      source.addEventListener('resync', reloadAll)
      source.onerror = () => {
        // CONNECTING: the browser tries again by itself (after the server's retry hint).
        if (source?.readyState !== EventSource.CLOSED) return
        source.close()
        // Refused: perhaps the session ended; asking /me again sends a signed-out user to login.
        void queryClient.invalidateQueries({ queryKey: meKey })
        timer = setTimeout(connect, delay)
        delay = Math.min(delay * 2, MAX_RETRY_MS)
      }
    }

    connect()
    return () => {
      clearTimeout(timer)
      source?.close()
    }
  }, [queryClient])
}

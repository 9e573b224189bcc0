import { NotificationBell } from '../../features/notifications/NotificationBell'
import { useLiveEvents } from '../../features/notifications/useLiveEvents'

/**
 * The header's bell and the live stream behind it: a chunk of their own (popover, badge, the
 * panel's list and switch), loaded once the shell has rendered; the page does not wait for them.
 */
export function ShellNotifications() {
  useLiveEvents()
  return <NotificationBell />
}

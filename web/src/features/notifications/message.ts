import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import type { Notification } from './api'

dayjs.extend(relativeTime)

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * The text of a notification: `notifications.<template>` with its params, a department code
 * in the reader's language and a time as a local date and time. An unknown template (a newer
 * server) still says which record it is about.
 */
export function notificationText(
  t: TFunction,
  exists: (key: string) => boolean,
  n: Pick<Notification, 'template' | 'params'>,
): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(n.params)) {
    if (name === 'department' && typeof value === 'string' && exists(`department.${value}`))
      params[name] = t(`department.${value}`)
    else if (typeof value === 'string' && ISO_TIME.test(value))
      params[name] = dayjs(value).format('YYYY-MM-DD HH:mm')
    else params[name] = value
  }
  const key = `notifications.${n.template}`
  if (exists(key)) return t(key, params)
  return t('notifications.other', { number: params.number ?? '' })
}

export const timeAgo = (iso: string) => dayjs(iso).fromNow()

import type { TFunction } from 'i18next'

/** Minutes for people: "8 小时", "30 分钟", "2 小时 30 分钟". */
export function formatMinutes(t: TFunction, total: number): string {
  const hours = Math.floor(total / 60)
  const minutes = total % 60
  if (hours === 0) return t('settings.deadlines.duration.m', { minutes })
  if (minutes === 0) return t('settings.deadlines.duration.h', { hours })
  return t('settings.deadlines.duration.hm', { hours, minutes })
}

/** A time of day from minutes after midnight: 540 → "09:00", 1440 → "24:00". */
export function clockTime(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

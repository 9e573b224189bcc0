import { Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export type Bar = {
  key: string
  label: string
  count: number
  overdue: number
  /** The queue that lists these cases, where one filters them. */
  to?: string | undefined
}

/**
 * Horizontal bars drawn with CSS, longest first: each bar's red part is its overdue cases.
 * A bar is a link to the queue when it has one.
 */
export function TallyBars({ bars, label }: { bars: Bar[]; label: string }) {
  const { t } = useTranslation()
  if (bars.length === 0) return <Empty description={t('dashboard.noOpenCases')} />
  const max = Math.max(...bars.map((b) => b.count), 1)
  const percent = (n: number) => `${(n / max) * 100}%`
  return (
    <ul className="dashboard-bars" aria-label={label}>
      {bars.map((bar) => {
        const text = t('dashboard.barText', { n: bar.count, overdue: bar.overdue })
        const body = (
          <>
            <span className="dashboard-bar-label" title={bar.label}>
              {bar.label}
            </span>
            <span className="dashboard-bar-track" aria-hidden>
              <span className="dashboard-bar-fill" style={{ width: percent(bar.count) }}>
                <span
                  className="dashboard-bar-overdue"
                  style={{ width: `${(bar.overdue / Math.max(bar.count, 1)) * 100}%` }}
                />
              </span>
            </span>
            <span className="dashboard-bar-count">
              {bar.count}
              {bar.overdue > 0 && (
                <span className="dashboard-bar-overdue-count">{bar.overdue}</span>
              )}
            </span>
          </>
        )
        return (
          <li key={bar.key} aria-label={`${bar.label}: ${text}`}>
            {bar.to ? (
              <Link to={bar.to} className="dashboard-bar">
                {body}
              </Link>
            ) : (
              <div className="dashboard-bar">{body}</div>
            )}
          </li>
        )
      })}
    </ul>
  )
}

import { Card, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

type Props = {
  title: string
  value: string | number
  /** A line under the figure: what it is made of (12 of 15 on time). */
  detail?: ReactNode
  /** Where the figure's cases are listed; no link where no page filters them. */
  to?: string | undefined
  /** Draws the figure in the warning colour (overdue cases). */
  alert?: boolean
  loading?: boolean
}

/** One figure of the dashboard: a Statistic card, the whole card a link when it has one. */
export function FigureCard({ title, value, detail, to, alert, loading }: Props) {
  const card = (
    <Card size="small" hoverable={Boolean(to)} loading={loading} className="dashboard-figure">
      <Statistic
        title={title}
        value={value}
        styles={{ content: alert ? { color: '#cf1322' } : {} }}
      />
      {detail && (
        <Typography.Text type="secondary" className="dashboard-figure-detail">
          {detail}
        </Typography.Text>
      )}
    </Card>
  )
  return to ? (
    <Link to={to} className="dashboard-figure-link" aria-label={`${title} ${value}`}>
      {card}
    </Link>
  ) : (
    card
  )
}

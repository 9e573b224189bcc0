import { LeftOutlined, LoginOutlined, LogoutOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, Button, Card, DatePicker, Empty, Flex, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { todayIn } from '../../ui/format'
import { PageHeader } from '../../ui/PageHeader'
import { type MoveEntry, useMoves } from './api'
import { CaseFlags, StateTag } from './components/CaseTags'
import { enumLabel } from './labels'
import './moves.css'

const DAY = 'YYYY-MM-DD'
/** The Monday of a day's week (Chinese calendars start the week on Monday). */
const mondayOf = (d: Dayjs) => d.subtract((d.day() + 6) % 7, 'day').startOf('day')

function MoveCard({ move }: { move: MoveEntry }) {
  const { t } = useTranslation()
  const moveIn = move.type === 'move_in'
  return (
    <Link to={`/cases/${move.id}`} className="move-card-link">
      <Card
        size="small"
        className={`move-card move-card-${move.type}${move.closed ? ' move-card-closed' : ''}`}
      >
        <Flex vertical gap={2}>
          <Flex align="center" gap={6} wrap>
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {move.unitNumber ?? '—'}
            </Typography.Text>
            <Tag
              color={moveIn ? 'green' : 'orange'}
              icon={moveIn ? <LoginOutlined /> : <LogoutOutlined />}
              style={{ marginInlineEnd: 0 }}
            >
              {t(`cases.type.${move.type}`)}
            </Tag>
          </Flex>
          <Typography.Text ellipsis title={move.customerName ?? ''}>
            {move.customerName ?? '—'}
            {move.role && (
              <Typography.Text type="secondary">
                {' '}
                · {enumLabel(t, 'role', move.role)}
              </Typography.Text>
            )}
          </Typography.Text>
          <Flex gap={4} wrap align="center">
            <StateTag type={move.type} state={move.state} />
            <CaseFlags item={{ overdue: move.overdue, escalationLevel: 0, paused: false }} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {move.number}
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  )
}

/** 客户入驻/迁出日历: the week's move-ins and move-outs of the building, day by day. */
export function MoveCalendarPage() {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  const { propertyId, timeZone } = useCurrentProperty()
  const [params, setParams] = useSearchParams()
  const today = todayIn(timeZone)
  const asked = dayjs(params.get('week') ?? today, DAY, true)
  const monday = mondayOf(asked.isValid() ? asked : dayjs(today))
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'))
  const from = monday.format(DAY)
  const to = monday.add(6, 'day').format(DAY)
  const moves = useMoves(propertyId, from, to)
  const rows = moves.data ?? []

  const showWeek = (d: Dayjs) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        const week = mondayOf(d).format(DAY)
        if (week === mondayOf(dayjs(today)).format(DAY)) next.delete('week')
        else next.set('week', week)
        return next
      },
      { replace: true },
    )

  if (!propertyId) return <Empty description={t('property.none')} />
  const count = (type: MoveEntry['type']) => rows.filter((m) => m.type === type).length

  return (
    <>
      <PageHeader
        title={t('cases.moves.title')}
        extra={
          can('case.create') && (
            <>
              <Button
                icon={<LoginOutlined />}
                onClick={() => void navigate('/cases/new?type=move_in')}
              >
                {t('cases.moves.newMoveIn')}
              </Button>
              <Button
                icon={<LogoutOutlined />}
                onClick={() => void navigate('/cases/new?type=move_out')}
              >
                {t('cases.moves.newMoveOut')}
              </Button>
            </>
          )
        }
      />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Flex gap={8} align="center" wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('cases.moves.previous')}
              onClick={() => showWeek(monday.subtract(7, 'day'))}
            />
            <DatePicker
              picker="week"
              allowClear={false}
              value={monday}
              onChange={(d: Dayjs | null) => d && showWeek(d)}
              format={() => `${from} ~ ${to}`}
              aria-label={t('cases.moves.week')}
              style={{ width: 230 }}
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('cases.moves.next')}
              onClick={() => showWeek(monday.add(7, 'day'))}
            />
            <Button onClick={() => showWeek(dayjs(today))}>{t('cases.moves.thisWeek')}</Button>
          </Flex>
          <Typography.Text type="secondary">
            {t('cases.moves.summary', { in: count('move_in'), out: count('move_out') })}
          </Typography.Text>
        </Flex>
        {moves.isError && (
          <Alert type="error" title={errorMessage(t, moves.error)} style={{ marginBottom: 16 }} />
        )}
        <div className="move-week">
          {days.map((d) => {
            const date = d.format(DAY)
            const ofDay = rows.filter((m) => m.date === date)
            const isToday = date === today
            return (
              <section
                key={date}
                className={`move-day${isToday ? ' move-day-today' : ''}`}
                aria-label={date}
              >
                <header>
                  <Typography.Text strong>{d.format('ddd')}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{d.format('MM-DD')}</Typography.Text>
                  {isToday && (
                    <Tag color="blue" style={{ marginLeft: 6 }}>
                      {t('cases.moves.today')}
                    </Tag>
                  )}
                </header>
                <Flex vertical gap={6}>
                  {ofDay.length === 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {moves.isPending ? '…' : t('cases.moves.none')}
                    </Typography.Text>
                  ) : (
                    ofDay.map((m) => <MoveCard key={m.id} move={m} />)
                  )}
                </Flex>
              </section>
            )
          })}
        </div>
      </Card>
    </>
  )
}

import { Alert, Card, DatePicker, Empty, Segmented, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useUrlParams } from '../../ui/useUrlParams'
import { useCan } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime, todayIn } from '../../ui/format'
import { formatFen, formatRateBp } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { stateLabel } from '../cases/labels'
import { type Dashboard, useDashboard } from './api'
import { FigureCard } from './components/FigureCard'
import { type Bar, TallyBars } from './components/TallyBars'
import './dashboard.css'

const MONTH = 'YYYY-MM'

/** 概览: the live figures of the current building, or of all the caller's buildings. */
export function DashboardPage() {
  const { t } = useTranslation()
  const { property, propertyId, properties, timeZone } = useCurrentProperty()
  const [params, setParam] = useUrlParams()
  const all = properties.length > 1 && params.get('scope') === 'all'
  const thisMonth = todayIn(timeZone).slice(0, 7)
  const asked = params.get('month') ?? ''
  const month = /^\d{4}-\d{2}$/.test(asked) && asked < thisMonth ? asked : undefined
  const figures = useDashboard(all ? undefined : propertyId, month, all || Boolean(propertyId))
  const d = figures.data

  if (!propertyId) return <Empty description={t('property.none')} />
  // The queues and boards follow the console's building: figures link to them for one building.
  const link = (to: string, allowed = true) => (!all && allowed ? to : undefined)

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        extra={
          <>
            {properties.length > 1 && (
              <Segmented
                aria-label={t('dashboard.scope')}
                value={all ? 'all' : 'building'}
                onChange={(v) => setParam('scope', v === 'all' ? 'all' : undefined)}
                options={[
                  { value: 'building', label: property?.name ?? '' },
                  { value: 'all', label: t('dashboard.allBuildings') },
                ]}
              />
            )}
            <DatePicker
              picker="month"
              aria-label={t('dashboard.month')}
              value={dayjs(month ?? thisMonth, MONTH)}
              allowClear={false}
              disabledDate={(m: Dayjs) => m.format(MONTH) > thisMonth}
              onChange={(m: Dayjs | null) => {
                const value = m?.format(MONTH)
                setParam('month', value && value !== thisMonth ? value : undefined)
              }}
              style={{ width: 120 }}
            />
          </>
        }
      />
      {figures.isError && <Alert type="error" title={errorMessage(t, figures.error)} />}
      {d && (
        <Typography.Text type="secondary">
          {all ? t('dashboard.coverage', { count: d.buildings }) : property?.name}
          {' · '}
          {t('dashboard.updatedAt', { time: formatDateTime(d.generatedAt, d.timeZone) })}
          {d.ratesAsOf !== d.generatedAt &&
            ` · ${t('dashboard.ratesAsOf', { time: formatDateTime(d.ratesAsOf, d.timeZone) })}`}
        </Typography.Text>
      )}
      <NowFigures d={d} loading={figures.isPending} link={link} />
      <MonthFigures d={d} loading={figures.isPending} link={link} month={month ?? thisMonth} />
      <div className="dashboard-charts">
        <Card size="small" title={t('dashboard.byState')} extra={<Legend />}>
          <TallyBars label={t('dashboard.byState')} bars={stateBars(d, link)} />
        </Card>
        <Card size="small" title={t('dashboard.byDepartment')} extra={<Legend />}>
          <TallyBars label={t('dashboard.byDepartment')} bars={departmentBars(d)} />
        </Card>
      </div>
    </>
  )

  function stateBars(data: Dashboard | undefined, to: typeof link): Bar[] {
    return (data?.openCases.byTypeAndState ?? []).map((s) => ({
      key: `${s.type}.${s.state}`,
      label: `${t(`cases.type.${s.type}`)} · ${stateLabel(t, s.type, s.state)}`,
      count: s.count,
      overdue: s.overdue,
      to: to(`/cases?tab=open&type=${s.type}&state=${s.state}`),
    }))
  }

  function departmentBars(data: Dashboard | undefined): Bar[] {
    return (data?.openCases.byDepartment ?? []).map((s) => ({
      key: s.department ?? '-',
      label: s.department ? t(`department.${s.department}`) : t('dashboard.noDepartment'),
      count: s.count,
      overdue: s.overdue,
    }))
  }
}

type Section = {
  d: Dashboard | undefined
  loading: boolean
  link: (to: string, allowed?: boolean) => string | undefined
}

/** What stands now: open, overdue and escalated cases, fit-outs, today's moves. */
function NowFigures({ d, loading, link }: Section) {
  const { t } = useTranslation()
  const can = useCan()
  const moves = (m: { scheduled: number; done: number } | undefined) =>
    m ? t('dashboard.movesDetail', { done: m.done, scheduled: m.scheduled }) : undefined
  return (
    <>
      <Typography.Title level={5} className="dashboard-section-title">
        {t('dashboard.now')}
      </Typography.Title>
      <div className="dashboard-figures">
        <FigureCard
          title={t('dashboard.open')}
          value={d?.openCases.total ?? '—'}
          to={link('/cases?tab=open')}
          loading={loading}
        />
        <FigureCard
          title={t('dashboard.overdue')}
          value={d?.openCases.overdue ?? '—'}
          alert={(d?.openCases.overdue ?? 0) > 0}
          to={link('/cases?tab=overdue')}
          loading={loading}
        />
        <FigureCard
          title={t('dashboard.escalated')}
          value={d?.openCases.escalated ?? '—'}
          loading={loading}
        />
        <FigureCard
          title={t('dashboard.fitOuts')}
          value={d?.fitOuts.inProgress ?? '—'}
          to={link('/fit-outs', can('case.work'))}
          loading={loading}
        />
        {d?.fitOuts.depositsHeld !== null && (
          <FigureCard
            title={t('dashboard.depositsHeld')}
            value={formatFen(d?.fitOuts.depositsHeld)}
            to={link('/billing/deposits', can('billing.read'))}
            loading={loading}
          />
        )}
        <FigureCard
          title={t('dashboard.moveIns')}
          value={d?.moves.moveIns.scheduled ?? '—'}
          detail={moves(d?.moves.moveIns)}
          to={link('/cases/moves')}
          loading={loading}
        />
        <FigureCard
          title={t('dashboard.moveOuts')}
          value={d?.moves.moveOuts.scheduled ?? '—'}
          detail={moves(d?.moves.moveOuts)}
          to={link('/cases/moves')}
          loading={loading}
        />
      </div>
    </>
  )
}

/** The month's rates: timeliness, follow-up, satisfaction and collection. */
function MonthFigures({ d, loading, link, month }: Section & { month: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const s = d?.satisfaction
  return (
    <>
      <Typography.Title level={5} className="dashboard-section-title">
        {t('dashboard.monthFigures', { month })}
      </Typography.Title>
      <div className="dashboard-figures">
        <FigureCard
          title={t('dashboard.timeliness')}
          value={formatRateBp(d?.timeliness.rateBp)}
          detail={
            d &&
            t('dashboard.timelinessDetail', {
              onTime: d.timeliness.onTime,
              total: d.timeliness.onTime + d.timeliness.missed,
            })
          }
          to={link('/cases?tab=overdue')}
          loading={loading}
        />
        <FigureCard
          title={t('dashboard.followUp')}
          value={formatRateBp(d?.followUp.rateBp)}
          detail={
            d && t('dashboard.followUpDetail', { done: d.followUp.done, owed: d.followUp.owed })
          }
          to={link('/cases/follow-ups', can('case.follow_up'))}
          loading={loading}
        />
        <FigureCard
          title={t('dashboard.satisfaction')}
          value={formatRateBp(s?.rateBp)}
          detail={
            s &&
            t('dashboard.satisfactionDetail', {
              satisfied: s.satisfied + s.fairlySatisfied,
              total: s.total,
            })
          }
          loading={loading}
        />
        {d?.collection !== null && (
          <FigureCard
            title={t('dashboard.collection')}
            value={formatRateBp(d?.collection?.rateBp)}
            detail={
              d?.collection &&
              t('dashboard.collectionDetail', {
                collected: formatFen(d.collection.collectedInPeriod),
                due: formatFen(d.collection.due),
              })
            }
            to={link('/billing/collection-rate', can('billing.read'))}
            loading={loading}
          />
        )}
      </div>
    </>
  )
}

function Legend() {
  const { t } = useTranslation()
  return (
    <span className="dashboard-legend">
      <span>
        <span className="dashboard-legend-swatch" style={{ background: '#4096ff' }} />
        {t('dashboard.legendOpen')}
      </span>
      <span>
        <span className="dashboard-legend-swatch" style={{ background: '#f5222d' }} />
        {t('dashboard.legendOverdue')}
      </span>
    </span>
  )
}

import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Tabs } from 'antd'
import { lazy, memo, Suspense, useCallback, useDeferredValue, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { type SetParam, useUrlParams } from '../../ui/useUrlParams'
import { useCan, useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { LoadMore } from '../../ui/LoadMore'
import { PageHeader } from '../../ui/PageHeader'
import { useCases } from './api'
import { CaseTable } from './components/CaseTable'
import { QueueFilters } from './components/QueueFilters'
import { SavedViews } from './components/SavedViews'
import { QUEUE_TABS, type QueueTab, queueFilters } from './queue-query'

// Shown only when the list fails to load.
const Alert = lazy(() => import('antd/es/alert'))

const FILTER_KEYS = ['tab', 'type', 'state', 'priority', 'q'] as const

/** 工单队列: the caller's queues as tabs, filters in the URL, saved views. */
export function CaseQueuePage() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const { propertyId, timeZone } = useCurrentProperty()
  const [params, setParam, setParams] = useUrlParams()
  const { isCustomer, tab, type, state, priority, q, query, enabled } = queueFilters(
    me,
    params,
    propertyId,
  )
  const cases = useCases(query, enabled)
  // New rows render in the background (a transition, in slices), the old ones shown meanwhile.
  const pages = useDeferredValue(cases.data?.pages)
  const rows = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages])
  const rendering = pages !== cases.data?.pages
  const search = params.toString()
  // The filters as they stand (a saved view's query), the same object while the URL is the same.
  const current = useMemo(() => {
    const filters = new URLSearchParams(search)
    return Object.fromEntries(
      FILTER_KEYS.flatMap((k) => (filters.get(k) ? [[k, filters.get(k) ?? '']] : [])),
    )
  }, [search])
  const applyView = useCallback(
    (view: Record<string, string>) => setParams(new URLSearchParams(view), { replace: true }),
    [setParams],
  )

  if (!isCustomer && !propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <QueueHeader title={isCustomer ? t('cases.queue.mine') : t('cases.queue.title')} />
      <Card>
        {!isCustomer && (
          <QueueTabs tab={tab} withDepartment={!!me.department} setParam={setParam} />
        )}
        <QueueFilters q={q} type={type} state={state} priority={priority} setParam={setParam} />
        {!isCustomer && (
          <div style={{ marginBottom: 16 }}>
            <SavedViews current={current} onApply={applyView} />
          </div>
        )}
        {cases.isError && (
          <Suspense>
            <Alert type="error" title={errorMessage(t, cases.error)} style={{ marginBottom: 16 }} />
          </Suspense>
        )}
        <CaseTable
          rows={rows}
          // Live refreshes (a case changed elsewhere) replace the rows quietly; a new filter spins.
          loading={cases.isPending || cases.isPlaceholderData || rendering}
          timeZone={timeZone}
          compact={isCustomer}
          // A failed list is not an empty one: the alert above says why.
          emptyText={cases.isError ? t('errors.load_failed') : t('cases.queue.empty')}
        />
        <LoadMore
          shown={rows.length}
          hasMore={cases.hasNextPage}
          loading={cases.isFetchingNextPage}
          onLoad={() => void cases.fetchNextPage()}
        />
      </Card>
    </>
  )
}

// Memoised, as the filters: they change with the URL and the user only, not with the rows.
const QueueHeader = memo(function QueueHeader({ title }: { title: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  return (
    <PageHeader
      title={title}
      extra={
        can('case.create') && (
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/cases/new')}
          >
            {t('cases.intake.button')}
          </Button>
        )
      }
    />
  )
})

const QueueTabs = memo(function QueueTabs({
  tab,
  withDepartment,
  setParam,
}: {
  tab: QueueTab
  withDepartment: boolean
  setParam: SetParam
}) {
  const { t } = useTranslation()
  const items = QUEUE_TABS.filter((k) => k !== 'department' || withDepartment).map((k) => ({
    key: k,
    label: t(`cases.queue.tab.${k}`),
  }))
  return <Tabs activeKey={tab} items={items} onChange={(k) => setParam('tab', k)} />
})

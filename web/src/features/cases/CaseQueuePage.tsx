import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Flex, Select, Tabs } from 'antd'
import { lazy, Suspense, useDeferredValue, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useUrlParams } from '../../ui/useUrlParams'
import { useCan, useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { LoadMore } from '../../ui/LoadMore'
import { PageHeader } from '../../ui/PageHeader'
import { SearchInput } from '../../ui/SearchInput'
import { CASE_PRIORITIES, CASE_TYPES, type CasePriority, type CaseType, useCases } from './api'
import { CaseTable } from './components/CaseTable'
import { SavedViews } from './components/SavedViews'
import { statesOf } from './labels'
import { QUEUE_TABS, queueFilters } from './queue-query'

// Shown only when the list fails to load.
const Alert = lazy(() => import('antd/es/alert'))

const FILTER_KEYS = ['tab', 'type', 'state', 'priority', 'q'] as const

/** 工单队列: the caller's queues as tabs, filters in the URL, saved views. */
export function CaseQueuePage() {
  const { t } = useTranslation()
  const can = useCan()
  const me = useCurrentUser()
  const navigate = useNavigate()
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

  const current = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k) ?? '']] : [])),
  )

  if (!isCustomer && !propertyId) return <Empty description={t('property.none')} />

  const tabs = QUEUE_TABS.filter((k) => k !== 'department' || me.department).map((k) => ({
    key: k,
    label: t(`cases.queue.tab.${k}`),
  }))

  return (
    <>
      <PageHeader
        title={isCustomer ? t('cases.queue.mine') : t('cases.queue.title')}
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
      <Card>
        {!isCustomer && <Tabs activeKey={tab} items={tabs} onChange={(k) => setParam('tab', k)} />}
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <SearchInput
            label={t('cases.queue.search')}
            placeholder={t('cases.queue.searchPlaceholder')}
            value={q}
            onChange={(value) => setParam('q', value)}
            width={280}
          />
          <Select
            aria-label={t('cases.col.type')}
            placeholder={t('cases.queue.allTypes')}
            allowClear
            style={{ width: 140 }}
            value={type}
            onChange={(v?: CaseType) => setParam('type', v, { clear: ['state'] })}
            options={CASE_TYPES.map((k) => ({ value: k, label: t(`cases.type.${k}`) }))}
          />
          <Select
            aria-label={t('cases.col.state')}
            placeholder={type ? t('cases.queue.allStates') : t('cases.queue.stateNeedsType')}
            allowClear
            disabled={!type}
            style={{ width: 170 }}
            value={state}
            onChange={(v?: string) => setParam('state', v)}
            options={type ? statesOf(t, type) : []}
          />
          <Select
            aria-label={t('cases.col.priority')}
            placeholder={t('cases.queue.allPriorities')}
            allowClear
            style={{ width: 130 }}
            value={priority}
            onChange={(v?: CasePriority) => setParam('priority', v)}
            options={CASE_PRIORITIES.map((k) => ({ value: k, label: t(`cases.priority.${k}`) }))}
          />
        </Flex>
        {!isCustomer && (
          <div style={{ marginBottom: 16 }}>
            <SavedViews
              current={current}
              onApply={(view) => setParams(new URLSearchParams(view), { replace: true })}
            />
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
          emptyText={t('cases.queue.empty')}
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

import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Flex, Select, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useCan, useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { LoadMore } from '../../ui/LoadMore'
import { PageHeader } from '../../ui/PageHeader'
import { SearchInput } from '../../ui/SearchInput'
import {
  CASE_PRIORITIES,
  CASE_TYPES,
  type CaseListQuery,
  type CasePriority,
  type CaseType,
  useCases,
} from './api'
import { CaseTable } from './components/CaseTable'
import { SavedViews } from './components/SavedViews'
import { statesOf } from './labels'

const TABS = ['mine', 'department', 'overdue', 'follow_up', 'open', 'all'] as const
type Tab = (typeof TABS)[number]
const FILTER_KEYS = ['tab', 'type', 'state', 'priority', 'q'] as const

/** What each queue asks the server for; the server scopes it to what the caller may see. */
function tabQuery(tab: Tab, department: CaseListQuery['department'] | null): CaseListQuery {
  switch (tab) {
    case 'mine':
      return { assignee: 'me', status: 'open' }
    case 'department':
      return { ...(department ? { department } : {}), status: 'open' }
    case 'overdue':
      return { overdue: true }
    case 'follow_up':
      return { status: 'follow_up' }
    case 'open':
      return { status: 'open' }
    case 'all':
      return { status: 'all' }
  }
}

/** 工单队列: the caller's queues as tabs, filters in the URL, saved views. */
export function CaseQueuePage() {
  const { t } = useTranslation()
  const can = useCan()
  const me = useCurrentUser()
  const navigate = useNavigate()
  const { propertyId, timeZone } = useCurrentProperty()
  const [params, setParams] = useSearchParams()
  const isCustomer = me.kind === 'customer'

  const defaultTab: Tab = isCustomer
    ? 'all'
    : can('case.read_all')
      ? 'open'
      : me.department
        ? 'department'
        : 'mine'
  const tab = TABS.find((k) => k === params.get('tab')) ?? defaultTab
  const type = CASE_TYPES.find((k) => k === params.get('type'))
  const state = (type && params.get('state')) || undefined
  const priority = CASE_PRIORITIES.find((k) => k === params.get('priority'))
  const q = params.get('q') ?? ''

  const query: CaseListQuery = {
    ...tabQuery(tab, me.department),
    ...(isCustomer ? {} : { propertyId }),
    type,
    state,
    priority,
    q: q || undefined,
  }
  const cases = useCases(query, isCustomer || Boolean(propertyId))
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? []

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) next.set(key, value)
        else next.delete(key)
        if (key === 'type') next.delete('state')
        return next
      },
      { replace: true },
    )
  const current = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k) ?? '']] : [])),
  )

  if (!isCustomer && !propertyId) return <Empty description={t('property.none')} />

  const tabs = TABS.filter((k) => k !== 'department' || me.department).map((k) => ({
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
            onChange={(v?: CaseType) => setParam('type', v)}
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
          <Alert type="error" title={errorMessage(t, cases.error)} style={{ marginBottom: 16 }} />
        )}
        <CaseTable
          rows={rows}
          // Live refreshes (a case changed elsewhere) replace the rows quietly; a new filter spins.
          loading={cases.isPending || cases.isPlaceholderData}
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

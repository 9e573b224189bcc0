import { Flex, Select } from 'antd'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { SearchInput } from '../../../ui/SearchInput'
import type { SetParam } from '../../../ui/useUrlParams'
import { CASE_PRIORITIES, CASE_TYPES, type CasePriority, type CaseType } from '../api'
import { statesOf } from '../labels'
import { QUEUE_SEARCH_MAX } from '../queue-query'

type Props = {
  q: string
  type: CaseType | undefined
  state: string | undefined
  priority: CasePriority | undefined
  setParam: SetParam
}

// Memoised: new rows (a page loaded, a live refresh) do not render the four fields again.
export const QueueFilters = memo(function QueueFilters({
  q,
  type,
  state,
  priority,
  setParam,
}: Props) {
  const { t } = useTranslation()
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <SearchInput
        label={t('cases.queue.search')}
        placeholder={t('cases.queue.searchPlaceholder')}
        value={q}
        onChange={(value) => setParam('q', value)}
        width={280}
        maxLength={QUEUE_SEARCH_MAX}
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
  )
})

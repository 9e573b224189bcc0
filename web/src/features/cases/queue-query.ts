// What the case queue asks the server for, from the URL and the user alone: the page and its
// route loader (queue-loader.ts) compute the same query, so the loader's first page is the page's.
import type { Me } from '../identity/api'
import { CASE_PRIORITIES, CASE_TYPES, type CaseListQuery } from './api'

export const QUEUE_TABS = ['mine', 'department', 'overdue', 'follow_up', 'open', 'all'] as const
export type QueueTab = (typeof QUEUE_TABS)[number]

/** What each queue asks the server for; the server scopes it to what the caller may see. */
function tabQuery(tab: QueueTab, department: CaseListQuery['department'] | null): CaseListQuery {
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

// The server takes a search of 1–100 characters (CaseListQuery.q): a longer one from a hand-made
// URL is cut as the search box cuts a paste, and spaces alone search for nothing.
export const QUEUE_SEARCH_MAX = 100
const searchText = (raw: string | null) =>
  Array.from((raw ?? '').trim())
    .slice(0, QUEUE_SEARCH_MAX)
    .join('')
    .trim()

/** The queue's filters as the URL gives them, and the list query they make. */
export function queueFilters(me: Me, params: URLSearchParams, propertyId: string | undefined) {
  const isCustomer = me.kind === 'customer'
  const defaultTab: QueueTab = isCustomer
    ? 'all'
    : me.permissions.includes('case.read_all')
      ? 'open'
      : me.department
        ? 'department'
        : 'mine'
  const tab = QUEUE_TABS.find((k) => k === params.get('tab')) ?? defaultTab
  const type = CASE_TYPES.find((k) => k === params.get('type'))
  const state = (type && params.get('state')) || undefined
  const priority = CASE_PRIORITIES.find((k) => k === params.get('priority'))
  const q = searchText(params.get('q'))
  const query: CaseListQuery = {
    ...tabQuery(tab, me.department),
    ...(isCustomer ? {} : { propertyId }),
    type,
    state,
    priority,
    q: q || undefined,
  }
  // Staff see one building at a time; a customer's cases are theirs wherever they are.
  return { isCustomer, tab, type, state, priority, q, query, enabled: isCustomer || !!propertyId }
}

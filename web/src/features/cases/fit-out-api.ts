// 二次装修: what a fit-out's page reads besides the case — the workers' passes, and the case's own
// deposit and charges from finance's ledger (billing.read). Billing reads are keyed under
// ['billing'] so that every money write refreshes them, and by the case's version so that a step
// which moved money (a deduction, the refund) reads them again.
import { useQuery } from '@tanstack/react-query'
import { client, unwrap } from '../../api/client'
import type { ItemOf } from '../../api/types'
import { casesKey } from './api'

export type FitOutPass = ItemOf<'/api/v1/cases/{id}/passes', 'get'>
export type PassStatus = FitOutPass['status']

/** The passes security issued for a fit-out (ID numbers and phones masked by the server). */
export function useCasePasses(caseId: string, version: number, enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'passes', caseId, version],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/cases/{id}/passes', { params: { path: { id: caseId } }, signal })),
    select: (data) => data.items,
    enabled: enabled && Boolean(caseId),
  })
}

/** The deposits taken for this case (the fit-out deposit), with their ledgers. */
export function useCaseDeposits(caseId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: ['billing', 'case', caseId, 'deposits', version],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/deposits', {
          params: { query: { caseId, view: 'all', limit: 50 } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled,
  })
}

/** The charges posted for this case (the debris-removal fee, compensation beyond the deposit). */
export function useCaseCharges(caseId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: ['billing', 'case', caseId, 'charges', version],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/billing/charges', { params: { query: { caseId, limit: 50 } }, signal }),
      ),
    select: (data) => data.items,
    enabled,
  })
}

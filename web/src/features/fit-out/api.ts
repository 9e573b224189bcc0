import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { client, unwrap } from '../../api/client'
import type { ItemOf, ResponseOf } from '../../api/types'

export type FitOutCard = ItemOf<'/api/v1/fit-outs/board', 'get'>
export type Pass = ItemOf<'/api/v1/cases/{id}/passes', 'get'>
export type GatePass = ResponseOf<'/api/v1/fit-outs/passes/{id}', 'get'>

const fitOutsKey = ['fit-outs'] as const

/** 装修看板: the building's open fit-outs with their stage and days in it. */
export function useFitOutBoard(propertyId: string | undefined) {
  return useQuery({
    queryKey: [...fitOutsKey, 'board', propertyId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/fit-outs/board', {
          params: { query: { propertyId: propertyId ?? '' } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled: Boolean(propertyId),
    placeholderData: keepPreviousData,
  })
}

/** The workers' passes of one fit-out (ID numbers and phones masked by the server). */
export function useCasePasses(caseId: string) {
  return useQuery({
    queryKey: [...fitOutsKey, 'passes', caseId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/cases/{id}/passes', { params: { path: { id: caseId } }, signal })),
    select: (data) => data.items,
    enabled: Boolean(caseId),
  })
}

/** One pass as the gate checks it: always read afresh (it may have been revoked a minute ago). */
export function useGatePass(passId: string) {
  return useQuery({
    queryKey: [...fitOutsKey, 'gate-pass', passId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/fit-outs/passes/{id}', { params: { path: { id: passId } }, signal }),
      ),
    enabled: Boolean(passId),
    staleTime: 0,
    retry: false,
  })
}

/** The address security opens from a pass card's QR code. */
export const passGateUrl = (passId: string) =>
  `${window.location.origin}/gate/pass/${encodeURIComponent(passId)}`

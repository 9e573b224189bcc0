// Every case type's workflow, by type: the engine looks them up here and nowhere else.
import type { CaseRow } from './cases.repository'
import type { Workflow } from './workflow'
import { complaintWorkflow } from '../complaints'
import { repairWorkflow } from '../repairs'
import { inquiryWorkflow } from '../inquiries'
import { incidentWorkflow } from '../incidents'
import { liaisonWorkflow } from '../liaison'
import { moveInWorkflow } from '../move-in'
import { moveOutWorkflow } from '../move-out'
import { releaseWorkflow } from '../release'
import { fitOutWorkflow } from '../fit-out/fit-out.workflow'

export type CaseType = CaseRow['type']

export const workflows: Record<CaseType, Workflow> = {
  complaint: complaintWorkflow,
  repair: repairWorkflow,
  inquiry: inquiryWorkflow,
  incident: incidentWorkflow,
  liaison: liaisonWorkflow,
  move_in: moveInWorkflow,
  move_out: moveOutWorkflow,
  release: releaseWorkflow,
  fit_out: fitOutWorkflow,
}

/** Case numbers read as the type's initials, the day and a sequence: TS-20261129-0007. */
export const numberPrefix: Record<CaseType, string> = {
  complaint: 'TS', // 投诉
  repair: 'BX', // 报修
  inquiry: 'ZX', // 咨询
  incident: 'TF', // 突发
  liaison: 'LX', // 联系单
  move_in: 'RZ', // 入驻
  move_out: 'QC', // 迁出
  release: 'FX', // 放行
  fit_out: 'ZS', // 装修 (ZX is taken by inquiries)
}

export const finalStates = Object.fromEntries(
  Object.entries(workflows).map(([type, w]) => [type, w.final]),
) as Record<CaseType, readonly string[]>

/** Types a customer may open from the portal. */
export const customerTypes: readonly CaseType[] = [
  'complaint',
  'repair',
  'inquiry',
  'move_out',
  'fit_out',
]

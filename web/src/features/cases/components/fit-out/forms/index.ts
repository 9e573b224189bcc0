// A fit-out's steps that get a form of their own (see ../../action-forms.ts).
import type { ActionForm } from '../../action-forms'
import { callInspectionForm, inspectForm } from './AcceptanceForms'
import { submitDrawingsForm } from './DrawingsForm'
import { issuePassesForm, revokePassForm } from './PassForms'
import { patrolForm } from './PatrolForm'
import { confirmRectifiedForm, issueRectificationForm } from './RectificationForms'
import { rosterForm } from './RosterForm'

export const FIT_OUT_FORMS: Partial<Record<string, ActionForm>> = {
  submit_drawings: submitDrawingsForm,
  submit_roster: rosterForm,
  issue_passes: issuePassesForm,
  revoke_pass: revokePassForm,
  record_patrol: patrolForm,
  issue_rectification: issueRectificationForm,
  confirm_rectified: confirmRectifiedForm,
  call_inspection: callInspectionForm,
  inspect: inspectForm,
}

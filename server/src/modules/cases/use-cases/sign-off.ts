// 签字确认: a step signed by an authenticated person in the right role. A customer signs in the
// portal, or on the desk's tablet with a drawn signature (then the staff member captures it and
// the customer's name is required).
import { createHash } from 'node:crypto'
import type { Db } from '../../../platform/db'
import { invalidField } from '../../../platform/errors'
import type { RequestContext } from '../../../platform/http/context'
import * as repo from '../cases.repository'

export async function recordSignOff(
  tx: Db,
  ctx: RequestContext,
  c: repo.CaseRow,
  action: string,
  permission: string,
  input: Record<string, unknown>,
  now: Date,
) {
  const { actor } = ctx
  const customerStep = permission === 'case.sign'
  const signerName = typeof input['signerName'] === 'string' ? input['signerName'].trim() : ''
  // On the desk's tablet the customer signs by hand: their name and their drawn signature.
  if (customerStep && actor.kind === 'staff' && !signerName)
    throw invalidField(
      'signerName',
      "the customer's name is required when staff capture a signature",
    )
  if (customerStep && actor.kind === 'staff' && typeof input['signature'] !== 'string')
    throw invalidField('signature', "the customer's drawn signature is required", 'required')
  let signatureId: string | null = null
  const drawn = input['signature']
  if (typeof drawn === 'string') {
    const content = Buffer.from(drawn.slice(drawn.indexOf(',') + 1), 'base64')
    // A PNG starts with its 8-byte signature; anything else is not a drawing.
    if (content.length < 68 || content.readUInt32BE(0) !== 0x89504e47)
      throw invalidField('signature', 'is not a PNG image')
    const saved = await repo.insertAttachment(tx, {
      orgId: c.orgId,
      caseId: c.id,
      kind: 'signature',
      fileName: `signature-${action}.png`,
      contentType: 'image/png',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      visibleToCustomer: true,
      uploadedBy: actor.userId,
      uploadedAt: now,
    })
    signatureId = saved.id
  }
  return repo.insertSignOff(tx, {
    orgId: c.orgId,
    caseId: c.id,
    action,
    signerId: actor.userId,
    signerName: signerName || actor.displayName,
    signerRole: customerStep ? 'customer' : actor.roleCode,
    signatureId,
    signedAt: now,
  })
}

import type { Deps, RequestContext } from '../../../platform/http/context'
import { AppError, notFound, staleVersion } from '../../../platform/errors'
import { diffOf, recordAudit } from '../../../platform/audit'
import { decodeCursor, page } from '../../../platform/http/cursor'
import { findProperty } from '../../org'
import { localDate } from '../../../platform/clock/local-date'
import * as repo from '../customers.repository'
import { maskIdNumber, maskPhone } from '../masking'
import type {
  ContactInput,
  CreateCustomerBody,
  Customer,
  CustomerListQuery,
  CustomerSummary,
  Revealed,
  UpdateCustomerBody,
} from '../customers.schemas'

const isCurrent = (o: repo.OccupancyRow, today: string) =>
  o.fromDate <= today && (o.toDate === null || o.toDate >= today)

const normaliseContacts = (contacts: ContactInput[], stored: repo.ContactRow[] = []) =>
  contacts.map((c, i) => ({
    name: c.name,
    // undefined: keep what is stored for that contact; null: clear it.
    phone: c.phone !== undefined ? c.phone : (stored.find((s) => s.id === c.id)?.phone ?? null),
    title: c.title ?? '',
    // Exactly one primary contact when there are any: the first unless one is marked.
    isPrimary: contacts.some((x) => x.isPrimary)
      ? Boolean(c.isPrimary) && contacts.findIndex((x) => x.isPrimary) === i
      : i === 0,
  }))

export async function listCustomers(deps: Deps, ctx: RequestContext, query: CustomerListQuery) {
  const limit = query.limit ?? 50
  const cursor = decodeCursor(query.cursor, ['string', 'uuid'])
  const rows = await repo.listCustomers(deps.db, ctx.actor, {
    ...query,
    limit,
    ...(cursor ? { after: { name: String(cursor[0]), id: String(cursor[1]) } } : {}),
  })
  const { items, nextCursor } = page(rows, limit, (c) => [c.name, c.id])
  const today = localDate(deps.clock.now())
  const occ = await repo.occupanciesOf(
    deps.db,
    items.map((c) => c.id),
  )
  const summaries: CustomerSummary[] = items.map((c) => {
    const current = occ.filter(
      (o) => o.occupancy.customerId === c.id && isCurrent(o.occupancy, today),
    )
    return {
      id: c.id,
      propertyId: c.propertyId,
      kind: c.kind,
      name: c.name,
      phone: maskPhone(c.phone),
      units: [...new Set(current.map((o) => o.unitNumber))],
      roles: [...new Set(current.map((o) => o.occupancy.role))],
    }
  })
  return { items: summaries, nextCursor }
}

export async function getCustomer(deps: Deps, ctx: RequestContext, id: string): Promise<Customer> {
  const c = await repo.findCustomer(deps.db, ctx.actor, id)
  if (!c) throw notFound('customer')
  const [contacts, occ] = await Promise.all([
    repo.contactsOf(deps.db, id),
    repo.occupanciesOf(deps.db, [id]),
  ])
  return {
    id: c.id,
    propertyId: c.propertyId,
    kind: c.kind,
    name: c.name,
    phone: maskPhone(c.phone),
    idNumber: maskIdNumber(c.idNumber),
    email: c.email,
    notes: c.notes,
    masked: true,
    contacts: contacts.map((k) => ({
      id: k.id,
      name: k.name,
      phone: maskPhone(k.phone),
      title: k.title,
      isPrimary: k.isPrimary,
    })),
    occupancies: occ.map(({ occupancy: o, unitNumber, floorLabel }) => ({
      id: o.id,
      unitId: o.unitId,
      unitNumber,
      floorLabel,
      role: o.role,
      fromDate: o.fromDate,
      toDate: o.toDate,
      version: o.version,
    })),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }
}

export async function createCustomer(deps: Deps, ctx: RequestContext, input: CreateCustomerBody) {
  const id = await deps.db.transaction(async (tx) => {
    // The building must be one of the caller's, in the caller's organisation: else it does not exist.
    if (!(await findProperty(tx, ctx.actor, input.propertyId))) throw notFound('property')
    const created = await repo.insertCustomer(tx, {
      orgId: ctx.actor.orgId,
      propertyId: input.propertyId,
      kind: input.kind,
      name: input.name.trim(),
      phone: input.phone ?? null,
      idNumber: input.idNumber ?? null,
      email: input.email ?? null,
      notes: input.notes ?? '',
    })
    await repo.replaceContacts(
      tx,
      ctx.actor.orgId,
      created.id,
      normaliseContacts(input.contacts ?? []),
    )
    await recordAudit(tx, deps.clock, ctx, {
      action: 'customer.create',
      entityType: 'customer',
      entityId: created.id,
      diff: { after: input },
    })
    return created.id
  })
  return getCustomer(deps, ctx, id)
}

export async function updateCustomer(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateCustomerBody,
) {
  await deps.db.transaction(async (tx) => {
    const current = await repo.findCustomer(tx, ctx.actor, id, true)
    if (!current) throw notFound('customer')
    if (current.version !== input.version) throw staleVersion()
    const { version: _version, contacts, ...patch } = input
    await repo.updateCustomer(tx, id, patch.name ? { ...patch, name: patch.name.trim() } : patch)
    const diff = diffOf(current, patch)
    if (contacts) {
      const before = await repo.contactsOf(tx, id)
      await repo.replaceContacts(tx, ctx.actor.orgId, id, normaliseContacts(contacts, before))
      diff['contacts'] = [before.map((c) => c.name), contacts.map((c) => c.name)]
    }
    await recordAudit(tx, deps.clock, ctx, {
      action: 'customer.update',
      entityType: 'customer',
      entityId: id,
      diff,
    })
  })
  return getCustomer(deps, ctx, id)
}

/** H-IS-15: the one way to see a customer's phone and ID number in clear; every call is audited. */
export async function revealCustomer(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<Revealed> {
  return deps.db.transaction(async (tx) => {
    const c = await repo.findCustomer(tx, ctx.actor, id)
    if (!c) throw notFound('customer')
    const contacts = await repo.contactsOf(tx, id)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'customer.reveal',
      entityType: 'customer',
      entityId: id,
      diff: { fields: ['phone', 'idNumber', 'contacts.phone'] },
    })
    return {
      phone: c.phone,
      idNumber: c.idNumber,
      contacts: contacts.map((k) => ({ id: k.id, phone: k.phone })),
    }
  })
}

/** A customer registered by mistake (no occupancy, no account) may be removed; others are kept. */
export async function deleteCustomer(deps: Deps, ctx: RequestContext, id: string) {
  await deps.db.transaction(async (tx) => {
    const current = await repo.findCustomer(tx, ctx.actor, id, true)
    if (!current) throw notFound('customer')
    if (await repo.customerHasHistory(tx, id)) {
      throw new AppError(
        'customers.has_history',
        'This customer has occupancies or an account and is kept for history.',
      )
    }
    await repo.deleteCustomer(tx, id)
    await recordAudit(tx, deps.clock, ctx, {
      action: 'customer.delete',
      entityType: 'customer',
      entityId: id,
      diff: { before: { name: current.name, kind: current.kind } },
    })
  })
}

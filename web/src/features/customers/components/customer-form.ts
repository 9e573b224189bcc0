import type {
  ContactInput,
  CreateCustomerInput,
  Customer,
  CustomerKind,
  Revealed,
  UpdateCustomerInput,
} from '../api'

/** What the customer form holds: plain strings, '' for empty. */
export type CustomerFormValues = {
  kind: CustomerKind
  name: string
  phone?: string
  idNumber?: string
  email?: string
  notes?: string
  contacts?: { name: string; phone?: string; title?: string; isPrimary?: boolean }[]
}

const text = (value: string | null | undefined) => value ?? ''
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null)

function contactsOf(values: CustomerFormValues): ContactInput[] {
  return (values.contacts ?? []).map((c) => ({
    name: c.name.trim(),
    phone: orNull(c.phone),
    title: c.title?.trim() ?? '',
    isPrimary: Boolean(c.isPrimary),
  }))
}

export function createBody(values: CustomerFormValues, propertyId: string): CreateCustomerInput {
  return {
    propertyId,
    kind: values.kind,
    name: values.name.trim(),
    phone: orNull(values.phone),
    idNumber: orNull(values.idNumber),
    email: orNull(values.email),
    notes: values.notes?.trim() ?? '',
    contacts: contactsOf(values),
  }
}

/**
 * The form's starting values. Masked values never go into inputs: without the
 * clear values (a reveal), phone and ID number start empty and contacts stay as
 * they are, since the server replaces contacts whole.
 */
export function initialValues(
  customer: Customer | undefined,
  revealed: Revealed | null,
): CustomerFormValues {
  if (!customer) return { kind: 'person', name: '', contacts: [] }
  const clear = !customer.masked ? customer : revealed
  return {
    kind: customer.kind,
    name: customer.name,
    phone: text(clear?.phone),
    idNumber: text(clear?.idNumber),
    email: text(customer.email),
    notes: customer.notes,
    contacts: customer.contacts.map((c) => ({
      name: c.name,
      phone: text(clear ? (clear.contacts.find((r) => r.id === c.id)?.phone ?? c.phone) : ''),
      title: c.title,
      isPrimary: c.isPrimary,
    })),
  }
}

/** Only what changed goes to the server, with the version it was read at. */
export function updateBody(
  customer: Customer,
  before: CustomerFormValues,
  after: CustomerFormValues,
  clear: boolean,
): UpdateCustomerInput {
  const body: UpdateCustomerInput = { version: customer.version }
  if (after.kind !== before.kind) body.kind = after.kind
  if (after.name.trim() !== before.name) body.name = after.name.trim()
  if (text(after.email).trim() !== before.email) body.email = orNull(after.email)
  if (text(after.notes).trim() !== before.notes) body.notes = text(after.notes).trim()
  // Masked and not revealed: an empty input means "unchanged", a typed one replaces.
  for (const key of ['phone', 'idNumber'] as const) {
    const value = text(after[key]).trim()
    if (clear ? value !== before[key] : value !== '') body[key] = orNull(value)
  }
  if (clear) {
    const contacts = contactsOf(after)
    if (JSON.stringify(contacts) !== JSON.stringify(contactsOf(before))) body.contacts = contacts
  }
  return body
}

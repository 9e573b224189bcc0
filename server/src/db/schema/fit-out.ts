import { sql } from 'drizzle-orm'
import {
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { idColumn } from './ids'
import { organisations, properties } from './org'
import { users } from './identity'
import { cases } from './cases'

// Fit-out (二次装修) sub-records the case's own fields cannot hold: the workers' passes, each a card
// security hands out and checks at the door (H-FO-9), with a life of its own after the step that
// issued it (revoked, suspended by a stop-work order, collected at the end).

export const passStatuses = ['active', 'suspended', 'revoked', 'collected'] as const

export const fitOutPasses = pgTable(
  'fit_out_passes',
  {
    id: idColumn(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    propertyId: uuid('property_id')
      .notNull()
      .references(() => properties.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The case's number and the worker's line: ZS-20261129-0001-03. */
    number: text('number').notNull(),
    workerName: text('worker_name').notNull(),
    /** Masked in every answer: security checks the card against the person, not the number. */
    idNumber: text('id_number').notNull(),
    workerRole: text('worker_role').notNull(),
    phone: text('phone').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    status: text('status', { enum: passStatuses }).notNull().default('active'),
    statusReason: text('status_reason'),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('fit_out_passes_number_uq').on(t.propertyId, t.number),
    // One live pass per worker and fit-out: issuing twice at once cannot make two.
    uniqueIndex('fit_out_passes_live_uq')
      .on(t.caseId, t.idNumber)
      .where(sql`${t.status} in ('active', 'suspended')`),
    index('fit_out_passes_case_idx').on(t.caseId),
    check('fit_out_passes_validity', sql`${t.validTo} >= ${t.validFrom}`),
  ],
)

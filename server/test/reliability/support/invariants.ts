// What must hold in any Atrium database, whatever crashed or raced: read with plain SQL so that
// the same checks run through Drizzle (PGlite or PostgreSQL) and through a bare `pg` client.

export type Query = (text: string) => Promise<Record<string, unknown>[]>

const checks: Record<string, string> = {
  'a case without its created event': `
    select c.number from cases c
    where not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'created')`,
  'a case number used twice': `
    select number from cases group by org_id, number having count(*) > 1`,
  'a state change that does not follow from the one before': `
    select case_id, id from (
      select case_id, id, from_state,
             lag(to_state) over (partition by case_id order by id) as previous
      from case_events where to_state is not null) chain
    where previous is not null and from_state is not null and from_state <> previous`,
  'a case whose state is not its last state change': `
    select c.number from cases c
    join lateral (select to_state from case_events e
                  where e.case_id = c.id and e.to_state is not null
                  order by e.id desc limit 1) last on true
    where last.to_state <> c.state`,
  'a charge allocated more than its amount (or below zero)': `
    select ch.id from charges ch
    join (select charge_id, sum(amount) as allocated from allocations group by charge_id) a
      on a.charge_id = ch.id
    where a.allocated > ch.amount or a.allocated < 0`,
  'a payment allocated more than its amount': `
    select p.id from payments p
    join (select payment_id, sum(amount) as allocated from allocations group by payment_id) a
      on a.payment_id = p.id
    where p.amount > 0 and a.allocated > p.amount`,
  'a customer with more allocated than paid (negative credit)': `
    select customer_id from (
      select p.customer_id, sum(p.amount)
             - coalesce((select sum(a.amount) from allocations a join payments q on q.id = a.payment_id
                         where q.customer_id = p.customer_id), 0) as credit
      from payments p group by p.customer_id) c
    where credit < 0`,
  'a deposit whose balance is not received − deducted − refunded': `
    select d.id from deposits d
    left join (select deposit_id,
                      sum(case when kind = 'received' then amount else -amount end) as balance
               from deposit_entries group by deposit_id) e on e.deposit_id = d.id
    where d.balance <> coalesce(e.balance, 0) or d.balance < 0`,
  'a receipt number used twice': `
    select receipt_number from payments group by org_id, receipt_number having count(*) > 1`,
}

/** Every broken invariant, by name, with up to five offending rows; empty when all hold. */
export async function brokenInvariants(query: Query) {
  const broken: Record<string, unknown[]> = {}
  for (const [name, text] of Object.entries(checks)) {
    const rows = await query(text)
    if (rows.length > 0) broken[name] = rows.slice(0, 5)
  }
  return broken
}

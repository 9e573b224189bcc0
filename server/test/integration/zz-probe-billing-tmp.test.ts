import { randomUUID } from 'node:crypto'
import { it } from 'vitest'
import { startTestApp } from '../support/app'

it('probe', async () => {
  const t = await startTestApp()
  const a = await t.signIn('admin')
  const c = await t.ids.customerOf('tenant.office')
  const k = () => ({ 'idempotency-key': randomUUID() })
  const log = (l: string, r: { statusCode: number; body: string }) => console.log(l, r.statusCode, r.body.slice(0, 100))
  log('apply-credit 1', await a.request('POST', `/api/v1/billing/customers/${c}/apply-credit`, {}, k()))
  const ot = await t.ids.property('OT')
  log(`export`, await a.get(`/api/v1/billing/exports/bills?propertyId=${ot}`))
  log('apply-credit 2', await a.request('POST', `/api/v1/billing/customers/${c}/apply-credit`, {}, k()))
  log('rates theirs', await a.get(`/api/v1/billing/rates?propertyId=${ot}`))
  log('apply-credit 3', await a.request('POST', `/api/v1/billing/customers/${c}/apply-credit`, {}, k()))
  await t.close()
})

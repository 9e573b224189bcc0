// The load scenarios of issue 7 against the app, and the two baseline routes they compare to.
import type { Request } from 'autocannon'
import type { Scenario } from './lib/load'
import { complaintText } from './seed/texts'
import type { Session } from './lib/session'

export type Fixtures = {
  caseIds: string[]
  occupancies: { propertyId: string; unitId: string; customerId: string }[]
  customerIds: string[]
  propertyId: string
  /** Every building, by code: per-building figures go round them, as many supervisors ask. */
  propertyIds: string[]
  period: string
  deepCursor: string | null
  deepPage: number
}

export type Sessions = {
  agent: Session
  engHead: Session
  manager: Session
  finance: Session
}

/** Which target of the issue a scenario is held to. */
export type Target = { p95Max?: number; rpsMin?: number; ratioMin: number; label: string }

const caseWords = ['漏水', '空调', '电梯', '噪音', '门锁', '停车', '保洁', '快递', '跳闸', '异味']
const customerWords = ['王', '李', '张', '陈', '华信', '科技', '刘伟', '国际']

let counter = 0
/** Round-robin over a list: each request takes the next item. */
const cycle = <T>(list: readonly T[]) => {
  let i = 0
  return () => {
    const item = list[i++ % list.length]
    if (item === undefined) throw new Error('empty fixture list')
    return item
  }
}

const get = (session: Session, path: () => string): Request => ({
  method: 'GET',
  headers: session.headers,
  setupRequest: (req) => ({ ...req, path: path() }),
})

const post = (
  session: Session,
  path: () => string,
  body: () => unknown,
  extra: () => Record<string, string> = () => ({}),
): Request => ({
  method: 'POST',
  headers: { ...session.headers, 'content-type': 'application/json' },
  setupRequest: (req) => ({
    ...req,
    path: path(),
    body: JSON.stringify(body()),
    headers: { ...req.headers, ...extra() },
  }),
})

export function baselineScenarios(url: string, f: Fixtures): Scenario[] {
  const id = cycle(f.caseIds)
  return [
    {
      name: 'baseline: select by id',
      kind: 'baseline-read',
      url,
      warmup: 2,
      request: { method: 'GET', setupRequest: (req) => ({ ...req, path: `/select/${id()}` }) },
    },
    {
      name: 'baseline: insert',
      kind: 'baseline-write',
      url,
      warmup: 1,
      request: {
        method: 'POST',
        path: '/insert',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: '基线写入' }),
      },
    },
  ]
}

export function readScenarios(url: string, f: Fixtures, s: Sessions): [Scenario, Target][] {
  const caseId = cycle(f.caseIds)
  const caseWord = cycle(caseWords)
  const customerWord = cycle(customerWords)
  const building = cycle(f.propertyIds)
  const list: Target = { p95Max: 30, ratioMin: 0.5, label: 'p95 ≤ 30 ms, ≥ 50% of select' }
  const search: Target = { p95Max: 100, ratioMin: 0.5, label: 'p95 ≤ 100 ms, ≥ 50% of select' }
  const dashboard: Target = { p95Max: 150, ratioMin: 0.5, label: 'p95 ≤ 150 ms, ≥ 50% of select' }
  const scenarios: [Scenario, Target][] = [
    [
      {
        name: 'queue: department, first page',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.engHead, () => '/api/v1/cases?department=engineering&status=open'),
      },
      list,
    ],
  ]
  if (f.deepCursor)
    scenarios.push([
      {
        name: `queue: department, page ${f.deepPage} (cursor)`,
        kind: 'read',
        url,
        warmup: 2,
        request: get(
          s.engHead,
          () =>
            `/api/v1/cases?department=engineering&cursor=${encodeURIComponent(f.deepCursor ?? '')}`,
        ),
      },
      list,
    ])
  scenarios.push(
    [
      {
        name: 'case detail',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.agent, () => `/api/v1/cases/${caseId()}`),
      },
      list,
    ],
    [
      {
        name: 'search: cases (q, Chinese)',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.agent, () => `/api/v1/cases?q=${encodeURIComponent(caseWord())}`),
      },
      search,
    ],
    [
      {
        name: 'search: customers (q, Chinese)',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.agent, () => `/api/v1/customers?q=${encodeURIComponent(customerWord())}`),
      },
      search,
    ],
    [
      {
        name: 'dashboard: collection rate (month)',
        kind: 'read',
        url,
        warmup: 2,
        request: get(
          s.manager,
          () =>
            `/api/v1/billing/collection-rate?propertyId=${building()}&from=${f.period}&to=${f.period}`,
        ),
      },
      dashboard,
    ],
    [
      {
        name: 'dashboard: one building',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.manager, () => `/api/v1/dashboard?propertyId=${building()}`),
      },
      dashboard,
    ],
    [
      {
        name: 'dashboard: every building',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.manager, () => '/api/v1/dashboard'),
      },
      dashboard,
    ],
    [
      {
        name: 'queue: overdue cases (building)',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.agent, () => `/api/v1/cases?overdue=true&propertyId=${f.propertyId}`),
      },
      list,
    ],
    [
      {
        name: 'queue: open cases (building)',
        kind: 'read',
        url,
        warmup: 2,
        request: get(s.agent, () => `/api/v1/cases?status=open&propertyId=${f.propertyId}`),
      },
      list,
    ],
  )
  return scenarios
}

export function signInScenario(
  url: string,
  username: string,
  password: string,
): [Scenario, Target] {
  return [
    {
      name: 'sign-in (argon2id)',
      kind: 'write',
      url,
      request: {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      },
    },
    { ratioMin: 0.35, label: '≥ 35% of insert' },
  ]
}

export function complaintScenario(url: string, f: Fixtures, s: Sessions): [Scenario, Target] {
  const where = cycle(f.occupancies)
  return [
    {
      name: 'register a complaint',
      kind: 'write',
      url,
      request: post(
        s.manager,
        () => '/api/v1/cases',
        () => {
          const o = where()
          // Worded as the seed's complaints are: one fixed title would pile thousands of cases
          // that no search matches on top of the building's newest, and every later search that
          // walks the newest cases first would pass them all.
          const text = complaintText(Math.random, null)
          return {
            type: 'complaint',
            propertyId: o.propertyId,
            unitId: o.unitId,
            customerId: o.customerId,
            channel: 'phone',
            title: text.title,
            description: text.description,
            contactName: '王女士',
            contactPhone: '13800138000',
          }
        },
      ),
    },
    { rpsMin: 800, ratioMin: 0.35, label: '≥ 800 req/s, ≥ 35% of insert' },
  ]
}

export function actionScenario(url: string, fresh: string[], s: Sessions): [Scenario, Target] {
  const next = cycle(fresh)
  return [
    {
      name: 'apply an action (assign)',
      kind: 'write',
      url,
      amount: fresh.length,
      request: post(
        s.manager,
        () => `/api/v1/cases/${next()}/actions/assign`,
        () => ({ department: 'engineering', version: 1 }),
      ),
    },
    { rpsMin: 600, ratioMin: 0.35, label: '≥ 600 req/s, ≥ 35% of insert' },
  ]
}

export function paymentScenario(
  url: string,
  f: Fixtures,
  s: Sessions,
  run: string,
): [Scenario, Target] {
  const customer = cycle(f.customerIds)
  return [
    {
      name: 'post a payment',
      kind: 'write',
      url,
      request: post(
        s.finance,
        () => '/api/v1/billing/payments',
        () => ({ customerId: customer(), amount: 10_000, method: 'wechat_pay' }),
        () => ({ 'idempotency-key': `bench-${run}-${++counter}` }),
      ),
    },
    { ratioMin: 0.35, label: '≥ 35% of insert' },
  ]
}

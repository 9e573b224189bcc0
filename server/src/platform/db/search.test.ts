import { describe, expect, it } from 'vitest'
import { PgDialect } from 'drizzle-orm/pg-core'
import { cases, customers } from '../../db/schema'
import {
  bigramSearchable,
  bigramsOf,
  bigramTestIsExact,
  charLength,
  hasBigramsOf,
  searchKeysOf,
} from './search'

const render = (query: Parameters<PgDialect['sqlToQuery']>[0]) => new PgDialect().sqlToQuery(query)

describe('charLength', () => {
  it('counts characters as PostgreSQL does (code points), not UTF-16 units', () => {
    expect(charLength('漏水')).toBe(2)
    expect(charLength('😀')).toBe(1)
    expect(charLength('😀表')).toBe(2)
    expect(charLength('abc')).toBe(3)
    expect(charLength('')).toBe(0)
  })
})

describe('bigramSearchable / bigramTestIsExact', () => {
  it('one character: no bigram, ILIKE alone', () => {
    expect(bigramSearchable('王')).toBe(false)
    expect(bigramSearchable('😀')).toBe(false)
    expect(bigramTestIsExact('王')).toBe(false)
  })

  it('two characters: the one bigram is the query, the bigram test decides', () => {
    for (const q of ['漏水', 'ab', '😀表', '5%', '\\_']) {
      expect(bigramSearchable(q), q).toBe(true)
      expect(bigramTestIsExact(q), q).toBe(true)
    }
  })

  it('three characters or more: the index finds candidates, the ILIKE decides', () => {
    for (const q of ['空调漏水', 'abc', 'TS-20261129-0007']) {
      expect(bigramSearchable(q), q).toBe(true)
      expect(bigramTestIsExact(q), q).toBe(false)
    }
  })
})

describe('the SQL the search indexes are built on', () => {
  it('bigramsOf: atrium_bigrams over the columns, in order', () => {
    expect(render(bigramsOf(customers.name)).sql).toBe('atrium_bigrams("customers"."name")')
  })

  it('searchKeysOf: plain and building-tagged bigrams of the same columns', () => {
    expect(
      render(searchKeysOf(cases.propertyId, cases.number, cases.title, cases.contactName)).sql,
    ).toBe(
      '(atrium_bigrams("cases"."number", "cases"."title", "cases"."contact_name")' +
        ' || atrium_bigrams_in("cases"."property_id", "cases"."number", "cases"."title", "cases"."contact_name"))',
    )
  })

  it('hasBigramsOf: q is a parameter, never SQL text; tagged when a building is given', () => {
    const q = "漏水'; drop table cases; --"
    const plain = render(hasBigramsOf(bigramsOf(customers.name), q))
    expect(plain.sql).toBe('atrium_bigrams("customers"."name") @> atrium_bigrams($1::text)')
    expect(plain.params).toEqual([q])
    const building = '0b9d3c52-3f5e-4a39-9a8e-2f1f3b7e1c11'
    const tagged = render(hasBigramsOf(bigramsOf(customers.name), q, building))
    expect(tagged.sql).toBe(
      'atrium_bigrams("customers"."name") @> atrium_bigrams_in($1::uuid, $2::text)',
    )
    expect(tagged.params).toEqual([building, q])
  })
})

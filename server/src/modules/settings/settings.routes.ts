import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Deps } from '../../platform/http/context'
import { contextOf } from '../../platform/auth'
import { Items } from '../../platform/http/schemas'
import * as S from './settings.schemas'
import { listDeadlinePolicies, setDeadlinePolicy } from './use-cases/deadline-policies'
import { getCalendar, updateCalendar } from './use-cases/calendars'
import { importOfficialDays, removeCalendarDay, setCalendarDay } from './use-cases/calendar-days'

const tags = ['settings']
// Staff settings: a customer account holds case.read for its own cases only.
const reading = { permission: 'case.read', staffOnly: true } as const
const configuring = { permission: 'case.configure', staffOnly: true } as const

export const settingsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // ——— deadline policies (时限) ———
  app.get(
    '/settings/deadline-policies',
    {
      config: reading,
      schema: {
        tags,
        summary: 'Deadline policies per case type and priority (stored, else the default)',
        response: { 200: Items(S.DeadlinePolicy) },
      },
    },
    async (req) => ({ items: await listDeadlinePolicies(deps, contextOf(req)) }),
  )
  app.put(
    '/settings/deadline-policies/:caseType/:priority',
    {
      config: configuring,
      schema: {
        tags,
        summary: 'Set a deadline policy (version 0 replaces the default)',
        params: S.PolicyParams,
        body: S.PutPolicyBody,
        response: { 200: S.DeadlinePolicy },
      },
    },
    async (req) => setDeadlinePolicy(deps, contextOf(req), req.params, req.body),
  )

  // ——— working calendars (工作日历) ———
  app.get(
    '/settings/calendars/:propertyId',
    {
      config: reading,
      schema: {
        tags,
        summary: 'A building’s working calendar and its holidays of a year (default this year)',
        params: S.CalendarParams,
        querystring: S.CalendarQuery,
        response: { 200: S.CalendarView },
      },
    },
    async (req) => getCalendar(deps, contextOf(req), req.params.propertyId, req.query.year),
  )
  app.patch(
    '/settings/calendars/:propertyId',
    {
      config: configuring,
      schema: {
        tags,
        summary: 'Change a building’s time zone, working hours or weekdays',
        params: S.CalendarParams,
        body: S.PatchCalendarBody,
        response: { 200: S.WorkCalendarSettings },
      },
    },
    async (req) => updateCalendar(deps, contextOf(req), req.params.propertyId, req.body),
  )
  app.put(
    '/settings/calendars/:propertyId/days/:date',
    {
      config: configuring,
      schema: {
        tags,
        summary: 'Mark a date a holiday or a make-up working day (调休)',
        params: S.DayParams,
        body: S.PutDayBody,
        response: { 200: S.CalendarDay },
      },
    },
    async (req) =>
      setCalendarDay(deps, contextOf(req), req.params.propertyId, req.params.date, req.body),
  )
  app.delete(
    '/settings/calendars/:propertyId/days/:date',
    {
      config: configuring,
      schema: {
        tags,
        summary: 'Remove a holiday or make-up working day',
        params: S.DayParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await removeCalendarDay(deps, contextOf(req), req.params.propertyId, req.params.date)
      return reply.status(204).send(null)
    },
  )
  app.post(
    '/settings/calendars/:propertyId/import-official',
    {
      config: configuring,
      schema: {
        tags,
        summary: 'Import a year of official holidays; days entered by hand stay',
        params: S.CalendarParams,
        body: S.ImportOfficialBody,
        response: { 200: S.ImportResult },
      },
    },
    async (req) => importOfficialDays(deps, contextOf(req), req.params.propertyId, req.body.year),
  )
}

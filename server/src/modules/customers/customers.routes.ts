import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Deps } from '../../platform/http/context'
import { contextOf } from '../../platform/auth'
import { IdParams, Page } from '../../platform/http/schemas'
import {
  CreateCustomerBody,
  CreateOccupancyBody,
  Customer,
  CustomerListQuery,
  CustomerSummary,
  EndOccupancyBody,
  Revealed,
  UpdateCustomerBody,
} from './customers.schemas'
import * as customers from './use-cases/customers'
import * as occupancies from './use-cases/occupancies'

const tags = ['customers']

export const customerRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/customers',
    {
      config: { permission: 'customer.read' },
      schema: {
        tags,
        summary: 'Search customers by name, unit number or phone (phones masked)',
        querystring: CustomerListQuery,
        response: { 200: Page(CustomerSummary) },
      },
    },
    async (req) => customers.listCustomers(deps, contextOf(req), req.query),
  )

  app.get(
    '/customers/:id',
    {
      config: { permission: 'customer.read' },
      schema: {
        tags,
        summary: 'A customer with contacts and occupancies',
        params: IdParams,
        response: { 200: Customer },
      },
    },
    async (req) => customers.getCustomer(deps, contextOf(req), req.params.id),
  )

  app.post(
    '/customers',
    {
      config: { permission: 'customer.manage' },
      schema: {
        tags,
        summary: 'Register a customer',
        body: CreateCustomerBody,
        response: { 201: Customer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await customers.createCustomer(deps, contextOf(req), req.body)),
  )

  app.patch(
    '/customers/:id',
    {
      config: { permission: 'customer.manage' },
      schema: {
        tags,
        summary: 'Change a customer',
        params: IdParams,
        body: UpdateCustomerBody,
        response: { 200: Customer },
      },
    },
    async (req) => customers.updateCustomer(deps, contextOf(req), req.params.id, req.body),
  )

  app.post(
    '/customers/:id/reveal',
    {
      config: { permission: 'customer.reveal' },
      schema: {
        tags,
        summary: 'Show the phone and ID numbers in clear (audited)',
        params: IdParams,
        response: { 200: Revealed },
      },
    },
    async (req) => customers.revealCustomer(deps, contextOf(req), req.params.id),
  )

  app.post(
    '/customers/:id/occupancies',
    {
      config: { permission: 'customer.manage' },
      schema: {
        tags,
        summary: 'Link the customer to a unit as owner or tenant',
        params: IdParams,
        body: CreateOccupancyBody,
        response: { 201: Customer },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await occupancies.addOccupancy(deps, contextOf(req), req.params.id, req.body)),
  )

  app.post(
    '/occupancies/:id/end',
    {
      config: { permission: 'customer.manage' },
      schema: {
        tags,
        summary: 'End an occupancy on a date',
        params: IdParams,
        body: EndOccupancyBody,
        response: { 200: Customer },
      },
    },
    async (req) => occupancies.endOccupancy(deps, contextOf(req), req.params.id, req.body),
  )

  app.delete(
    '/customers/:id',
    {
      config: { permission: 'customer.manage' },
      schema: {
        tags,
        summary: 'Remove a customer registered by mistake (no occupancy, no account)',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await customers.deleteCustomer(deps, contextOf(req), req.params.id)
      return reply.status(204).send(null)
    },
  )
}

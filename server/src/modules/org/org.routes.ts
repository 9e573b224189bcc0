import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Deps } from '../../platform/http/context'
import { contextOf } from '../../platform/auth'
import { IdParams, Items, Page } from '../../platform/http/schemas'
import {
  CreateFloorBody,
  CreatePropertyBody,
  CreateUnitBody,
  Floor,
  Property,
  PropertyIdParams,
  Unit,
  UnitListQuery,
  UpdateFloorBody,
  UpdatePropertyBody,
  UpdateUnitBody,
} from './org.schemas'
import * as properties from './use-cases/properties'
import * as floors from './use-cases/floors'
import * as units from './use-cases/units'
import * as organisation from './use-cases/organisation'

const Organisation = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })
const RenameOrganisationBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
)

const tags = ['buildings']

export const orgRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/organisation',
    {
      schema: {
        tags,
        summary: 'The caller’s organisation (物业公司)',
        response: { 200: Organisation },
      },
    },
    async (req) => organisation.getOrganisation(deps, contextOf(req)),
  )

  app.patch(
    '/organisation',
    {
      config: { permission: 'property.manage' },
      schema: {
        tags,
        summary: 'Rename the organisation',
        body: RenameOrganisationBody,
        response: { 200: Organisation },
      },
    },
    async (req) => organisation.renameOrganisation(deps, contextOf(req), req.body.name.trim()),
  )

  app.get(
    '/properties',
    {
      config: { permission: 'property.read' },
      schema: {
        tags,
        summary: 'Buildings in the caller’s scope',
        response: { 200: Items(Property) },
      },
    },
    async (req) => ({ items: await properties.listProperties(deps, contextOf(req)) }),
  )

  app.get(
    '/properties/:id',
    {
      config: { permission: 'property.read' },
      schema: { tags, summary: 'One building', params: IdParams, response: { 200: Property } },
    },
    async (req) => properties.getProperty(deps, contextOf(req), req.params.id),
  )

  app.post(
    '/properties',
    {
      config: { permission: 'property.manage' },
      schema: {
        tags,
        summary: 'Add a building',
        body: CreatePropertyBody,
        response: { 201: Property },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await properties.createProperty(deps, contextOf(req), req.body)),
  )

  app.patch(
    '/properties/:id',
    {
      config: { permission: 'property.manage' },
      schema: {
        tags,
        summary: 'Change a building',
        params: IdParams,
        body: UpdatePropertyBody,
        response: { 200: Property },
      },
    },
    async (req) => properties.updateProperty(deps, contextOf(req), req.params.id, req.body),
  )

  app.get(
    '/properties/:propertyId/floors',
    {
      config: { permission: 'unit.read' },
      schema: {
        tags,
        summary: 'Floors of a building',
        params: PropertyIdParams,
        response: { 200: Items(Floor) },
      },
    },
    async (req) => ({
      items: await floors.listFloors(deps, contextOf(req), req.params.propertyId),
    }),
  )

  app.post(
    '/properties/:propertyId/floors',
    {
      config: { permission: 'unit.manage' },
      schema: {
        tags,
        summary: 'Add a floor',
        params: PropertyIdParams,
        body: CreateFloorBody,
        response: { 201: Floor },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await floors.createFloor(deps, contextOf(req), req.params.propertyId, req.body)),
  )

  app.patch(
    '/floors/:id',
    {
      config: { permission: 'unit.manage' },
      schema: {
        tags,
        summary: 'Change a floor',
        params: IdParams,
        body: UpdateFloorBody,
        response: { 200: Floor },
      },
    },
    async (req) => floors.updateFloor(deps, contextOf(req), req.params.id, req.body),
  )

  app.delete(
    '/floors/:id',
    {
      config: { permission: 'unit.manage' },
      schema: {
        tags,
        summary: 'Remove an empty floor',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await floors.deleteFloor(deps, contextOf(req), req.params.id)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/units',
    {
      config: { permission: 'unit.read' },
      schema: {
        tags,
        summary: 'Units, by floor then number',
        querystring: UnitListQuery,
        response: { 200: Page(Unit) },
      },
    },
    async (req) => units.listUnits(deps, contextOf(req), req.query),
  )

  app.get(
    '/units/:id',
    {
      config: { permission: 'unit.read' },
      schema: {
        tags,
        summary: 'One unit with its current occupants',
        params: IdParams,
        response: { 200: Unit },
      },
    },
    async (req) => units.getUnit(deps, contextOf(req), req.params.id),
  )

  app.post(
    '/units',
    {
      config: { permission: 'unit.manage' },
      schema: { tags, summary: 'Add a unit', body: CreateUnitBody, response: { 201: Unit } },
    },
    async (req, reply) =>
      reply.status(201).send(await units.createUnit(deps, contextOf(req), req.body)),
  )

  app.patch(
    '/units/:id',
    {
      config: { permission: 'unit.manage' },
      schema: {
        tags,
        summary: 'Change a unit',
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: Unit },
      },
    },
    async (req) => units.updateUnit(deps, contextOf(req), req.params.id, req.body),
  )

  app.delete(
    '/units/:id',
    {
      config: { permission: 'unit.manage' },
      schema: {
        tags,
        summary: 'Remove a unit that never had an occupant',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await units.deleteUnit(deps, contextOf(req), req.params.id)
      return reply.status(204).send(null)
    },
  )
}

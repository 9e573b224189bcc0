import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Deps } from '../../platform/http/context'
import { CSRF_COOKIE, SESSION_COOKIE, contextOf } from '../../platform/auth'
import { departmentCodes } from '../../db/schema'
import { permissions } from '../../platform/permissions'
import { IdParams, Items, Page } from '../../platform/http/schemas'
import {
  ChangePasswordBody,
  CreateRoleBody,
  CreateUserBody,
  DepartmentInfo,
  LoginBody,
  Me,
  PermissionInfo,
  Role,
  SetPasswordBody,
  UpdateRoleBody,
  UpdateUserBody,
  User,
  UserListQuery,
} from './identity.schemas'
import { signIn } from './use-cases/sign-in'
import { loadActor } from '../../platform/auth'
import { changeOwnPassword, getMe, signOut } from './use-cases/me'
import * as users from './use-cases/users'
import * as roles from './use-cases/roles'

const departmentNames: Record<(typeof departmentCodes)[number], string> = {
  customer_service: '客服部',
  engineering: '工程部',
  security: '保安部',
  finance: '财务部',
  cleaning: '保洁部',
}

export const identityRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const cookieOptions = {
    path: '/',
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
    maxAge: deps.config.sessionTtlHours * 3600,
  }

  app.post(
    '/auth/login',
    {
      config: {
        auth: 'public',
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['identity'],
        summary: 'Sign in by username or phone; sets the session and CSRF cookies',
        security: [],
        body: LoginBody,
        response: { 200: Type.Object({ user: Me }) },
      },
    },
    async (req, reply) => {
      const session = await signIn(deps, {
        login: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      })
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, httpOnly: true })
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieOptions, httpOnly: false })
      // Build the actor the way the next request will, so /login answers exactly what /me will.
      req.cookies[SESSION_COOKIE] = session.token
      await loadActor(deps, req)
      return { user: await getMe(deps, contextOf(req)) }
    },
  )

  app.post(
    '/auth/logout',
    { schema: { tags: ['identity'], summary: 'Sign out', response: { 204: Type.Null() } } },
    async (req, reply) => {
      if (req.sessionId) await signOut(deps, contextOf(req), req.sessionId)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      reply.clearCookie(CSRF_COOKIE, { path: '/' })
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/me',
    { schema: { tags: ['identity'], summary: 'The signed-in user', response: { 200: Me } } },
    async (req) => getMe(deps, contextOf(req)),
  )

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['identity'],
        summary: 'Change one’s own password (other sessions end)',
        body: ChangePasswordBody,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await changeOwnPassword(deps, contextOf(req), req.sessionId ?? '', req.body)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'User accounts',
        querystring: UserListQuery,
        response: { 200: Page(User) },
      },
    },
    async (req) => users.listUsers(deps, contextOf(req), req.query),
  )

  app.get(
    '/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'One user account',
        params: IdParams,
        response: { 200: User },
      },
    },
    async (req) => users.getUser(deps, contextOf(req), req.params.id),
  )

  app.post(
    '/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a staff or customer account',
        body: CreateUserBody,
        response: { 201: User },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await users.createUser(deps, contextOf(req), req.body)),
  )

  app.patch(
    '/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change an account',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (req) => users.updateUser(deps, contextOf(req), req.params.id, req.body),
  )

  app.post(
    '/users/:id/password',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Set a new password (signs the user out)',
        params: IdParams,
        body: SetPasswordBody,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await users.setUserPassword(deps, contextOf(req), req.params.id, req.body.password)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/users/:id/unlock',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Lift a lockout after failed sign-ins',
        params: IdParams,
        response: { 200: User },
      },
    },
    async (req) => users.unlockUser(deps, contextOf(req), req.params.id),
  )

  app.get(
    '/roles',
    {
      config: { permission: 'role.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Roles and their permissions',
        response: { 200: Items(Role) },
      },
    },
    async (req) => ({ items: await roles.listRoles(deps, contextOf(req)) }),
  )

  app.post(
    '/roles',
    {
      config: { permission: 'role.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a role',
        body: CreateRoleBody,
        response: { 201: Role },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await roles.createRole(deps, contextOf(req), req.body)),
  )

  app.patch(
    '/roles/:id',
    {
      config: { permission: 'role.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change a role',
        params: IdParams,
        body: UpdateRoleBody,
        response: { 200: Role },
      },
    },
    async (req) => roles.updateRole(deps, contextOf(req), req.params.id, req.body),
  )

  app.get(
    '/permissions',
    {
      config: { permission: 'role.manage' },
      schema: {
        tags: ['admin'],
        summary: 'The permission registry',
        response: { 200: Items(PermissionInfo) },
      },
    },
    async () => ({
      items: permissions.map((key) => {
        const [resource = key, action = ''] = key.split('.')
        return { key, resource, action }
      }),
    }),
  )

  app.get(
    '/departments',
    {
      schema: {
        tags: ['identity'],
        summary: 'Departments',
        response: { 200: Items(DepartmentInfo) },
      },
    },
    async () => ({ items: departmentCodes.map((code) => ({ code, name: departmentNames[code] })) }),
  )
}

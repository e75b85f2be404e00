import { clientAddress } from '../../platform/http/client-address.ts';
import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../platform/actor/actor.ts';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonBody,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import { issueApiToken, login, logout } from './auth.usecases.ts';

const meSchema = z
  .object({
    id: z.uuid(),
    login: z.string(),
    name: z.string(),
    post: z.string(),
    officeId: z.uuid(),
    officeName: z.string(),
    unitId: z.uuid(),
    roles: z.array(
      z.object({
        role: z.string(),
        scope: z.string(),
        unitId: z.uuid(),
        onBehalfOf: z.uuid().optional(),
      }),
    ),
    allowedActions: z.array(z.string()).openapi({
      description:
        'incoming.read, incoming.register, assignments.receive, cases.read, cases.read_units, cases.work, outgoing.keep_register, channels.view_queues, channels.manage_mailboxes, signatures.manage_office, org.manage, archive.prepare_transfer, archive.decide_transfer, archive.read_register, archive.request_access, archive.decide_access, archive.dispose – what my roles allow at all (screens, registers)',
    }),
  })
  .openapi('Me');

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Logowanie (login and password → bearer token)',
  request: jsonBody(
    z
      .object({ login: z.string().min(1).max(64), password: z.string().min(1).max(200) })
      .openapi('Login'),
  ),
  responses: {
    200: jsonResponse(z.object({ token: z.string(), user: meSchema }), 'Zalogowano'),
    ...standardErrors,
    429: standardErrors[401],
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  security,
  summary: 'Wylogowanie',
  responses: {
    200: jsonResponse(z.object({ ok: z.literal(true) }), 'Wylogowano'),
    ...standardErrors,
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  security,
  summary: 'Zalogowany użytkownik i jego role',
  responses: { 200: jsonResponse(meSchema, 'Użytkownik'), ...standardErrors },
});

const toMe = (actor: Actor, actorActions: (actor: Actor) => string[]) => ({
  id: actor.userId,
  login: actor.login,
  name: actor.name,
  post: actor.post,
  officeId: actor.officeId,
  officeName: actor.officeName,
  unitId: actor.unitId,
  roles: actor.grants.map((g) => ({
    role: g.role,
    scope: g.scope,
    unitId: g.unitId,
    ...(g.onBehalfOf ? { onBehalfOf: g.onBehalfOf } : {}),
  })),
  allowedActions: actorActions(actor),
});

const issueTokenRoute = createRoute({
  method: 'post',
  path: '/org/people/{id}/api-tokens',
  tags: ['org'],
  security,
  summary: 'Token API dla konta systemowego (system dziedzinowy); pokazywany jeden raz',
  request: {
    params: idParam,
    ...jsonBody(z.object({ name: z.string().trim().min(1).max(200) }).openapi('IssueApiToken')),
  },
  responses: {
    201: jsonResponse(z.object({ id: z.uuid(), token: z.string() }), 'Wydano'),
    ...standardErrors,
  },
});

/** `actorActions`: what an actor may do at all, from every module's policy (the composition root's). */
export function registerAuthRoutes(
  app: App,
  deps: AppDeps,
  options: { actorActions: (actor: Actor) => string[] },
) {
  app.openapi(loginRoute, async (c) => {
    const address = clientAddress(c, deps.trustProxy ?? false);
    const { token, actor } = await login(deps, c.req.valid('json'), address);
    return c.json({ token, user: toMe(actor, options.actorActions) }, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    await logout(deps, c.get('token'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(meRoute, (c) => c.json(toMe(c.get('actor'), options.actorActions), 200));
}

/** API tokens of the office's system accounts (listed with the org routes: `registerOrgRoutes`). */
export function registerApiTokenRoutes(app: App, deps: AppDeps) {
  app.openapi(issueTokenRoute, async (c) =>
    c.json(
      await issueApiToken(actorDeps(deps, c), {
        userId: c.req.valid('param').id,
        name: c.req.valid('json').name,
      }),
      201,
    ),
  );
}

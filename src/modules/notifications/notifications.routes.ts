import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import { listMyNotifications, markNotificationRead } from './notifications.usecases.ts';

const tags = ['notifications'];

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({
      description:
        'assignment, assignment_returned, case_handler, approval_waiting, approval_returned, signature_waiting, deadline_soon, deadline_missed',
    }),
    messagePl: z.string(),
    message: z.string(),
    caseId: z.uuid().nullable(),
    link: z.string().nullable(),
    forUserId: z.uuid().openapi({ description: 'Adresat (inny niż ja przy zastępstwie)' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const listRoute = createRoute({
  method: 'get',
  path: '/notifications',
  tags,
  security,
  summary: 'Moje powiadomienia (także osób, które zastępuję)',
  request: {
    query: z.object({
      unread: z.enum(['true', 'false']).optional().openapi({ description: 'Tylko nieprzeczytane' }),
    }),
  },
  responses: {
    200: jsonResponse(z.array(notificationSchema), 'Powiadomienia'),
    ...standardErrors,
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  tags,
  security,
  summary: 'Oznaczenie powiadomienia jako przeczytanego',
  request: { params: idParam },
  responses: { 200: jsonResponse(z.object({ id: z.uuid() }), 'Przeczytane'), ...standardErrors },
});

export function registerNotificationRoutes(app: App, deps: AppDeps) {
  app.openapi(listRoute, async (c) =>
    c.json(
      await listMyNotifications(actorDeps(deps, c), {
        unreadOnly: c.req.valid('query').unread === 'true',
      }),
      200,
    ),
  );
  app.openapi(readRoute, async (c) =>
    c.json(await markNotificationRead(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
}

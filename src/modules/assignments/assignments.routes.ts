import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonBody,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import {
  assignmentSchema,
  assignSchema,
  changeAssignmentSchema,
  returnAssignmentSchema,
} from './assignments.schemas.ts';
import {
  acceptAssignment,
  assignIncoming,
  changeAssignment,
  forwardAssignment,
  listAssignments,
  listMyPendingAssignments,
  returnAssignment,
} from './assignments.usecases.ts';

const tags = ['assignments'];
const idResponse = { 201: jsonResponse(z.object({ id: z.uuid() }), 'Zapisano'), ...standardErrors };
const statusResponse = {
  200: jsonResponse(z.object({ id: z.uuid(), status: z.string() }), 'Zapisano'),
  ...standardErrors,
};

const assignRoute = createRoute({
  method: 'post',
  path: '/incoming/{id}/assignments',
  tags,
  security,
  summary: 'Dekretacja przesyłki na komórkę i/lub osobę',
  request: { params: idParam, ...jsonBody(assignSchema) },
  responses: idResponse,
});
const historyRoute = createRoute({
  method: 'get',
  path: '/incoming/{id}/assignments',
  tags,
  security,
  summary: 'Historia dekretacji przesyłki',
  request: { params: idParam },
  responses: { 200: jsonResponse(z.array(assignmentSchema), 'Dekretacje'), ...standardErrors },
});
const mineRoute = createRoute({
  method: 'get',
  path: '/assignments/mine',
  tags,
  security,
  summary: 'Przesyłki czekające na mnie: dekretacje na mnie, osoby zastępowane i moją komórkę',
  responses: {
    200: jsonResponse(
      z.array(
        assignmentSchema.extend({
          item: z.object({
            rpwNumber: z.string(),
            title: z.string(),
            senderName: z.string(),
            receivedAt: z.string(),
            caseId: z.uuid().nullable(),
          }),
        }),
      ),
      'Dekretacje oczekujące',
    ),
    ...standardErrors,
  },
});
const acceptRoute = createRoute({
  method: 'post',
  path: '/assignments/{id}/accept',
  tags,
  security,
  summary: 'Przyjęcie dekretacji',
  request: { params: idParam },
  responses: statusResponse,
});
const returnRoute = createRoute({
  method: 'post',
  path: '/assignments/{id}/return',
  tags,
  security,
  summary: 'Zwrot dekretacji z komentarzem',
  request: { params: idParam, ...jsonBody(returnAssignmentSchema) },
  responses: statusResponse,
});
const forwardRoute = createRoute({
  method: 'post',
  path: '/assignments/{id}/forward',
  tags,
  security,
  summary: 'Przekazanie dalej (dekretacja wtórna)',
  request: { params: idParam, ...jsonBody(assignSchema) },
  responses: idResponse,
});
const changeRoute = createRoute({
  method: 'patch',
  path: '/assignments/{id}',
  tags,
  security,
  summary: 'Zmiana sposobu załatwienia i terminu (tylko dekretujący)',
  request: { params: idParam, ...jsonBody(changeAssignmentSchema) },
  responses: { 200: jsonResponse(z.object({ id: z.uuid() }), 'Zmieniono'), ...standardErrors },
});

export function registerAssignmentRoutes(app: App, deps: AppDeps) {
  app.openapi(mineRoute, async (c) =>
    c.json(await listMyPendingAssignments(actorDeps(deps, c)), 200),
  );
  app.openapi(assignRoute, async (c) =>
    c.json(
      await assignIncoming(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(historyRoute, async (c) =>
    c.json(await listAssignments(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(acceptRoute, async (c) =>
    c.json(await acceptAssignment(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(returnRoute, async (c) =>
    c.json(
      await returnAssignment(
        actorDeps(deps, c),
        c.req.valid('param').id,
        c.req.valid('json').comment,
      ),
      200,
    ),
  );
  app.openapi(forwardRoute, async (c) =>
    c.json(
      await forwardAssignment(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(changeRoute, async (c) =>
    c.json(
      await changeAssignment(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
}

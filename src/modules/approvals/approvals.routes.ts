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
  approvalTaskSchema,
  createPathSchema,
  decideSchema,
  sendForApprovalSchema,
} from './approvals.schemas.ts';
import {
  createApprovalPath,
  decideApproval,
  listApprovalPaths,
  listDocumentApprovals,
  listMyApprovalTasks,
  sendForApproval,
} from './approvals.usecases.ts';

const tags = ['approvals'];

const createPathRoute = createRoute({
  method: 'post',
  path: '/approval-paths',
  tags,
  security,
  summary: 'Ścieżka akceptacji (administrator)',
  request: jsonBody(createPathSchema),
  responses: { 201: jsonResponse(z.object({ id: z.uuid() }), 'Utworzono'), ...standardErrors },
});
const listPathsRoute = createRoute({
  method: 'get',
  path: '/approval-paths',
  tags,
  security,
  summary: 'Ścieżki akceptacji urzędu',
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          unitId: z.uuid().nullable(),
          jrwaSymbol: z.string().nullable(),
          documentKind: z.string().nullable(),
          steps: z.array(
            z.object({ kind: z.enum(['approve', 'opinion']), approverIds: z.array(z.uuid()) }),
          ),
        }),
      ),
      'Ścieżki',
    ),
    ...standardErrors,
  },
});
const sendRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/approval',
  tags,
  security,
  summary: 'Przekazanie projektu do akceptacji',
  request: { params: idParam, ...jsonBody(sendForApprovalSchema) },
  responses: {
    201: jsonResponse(z.object({ roundId: z.uuid() }), 'Przekazano'),
    ...standardErrors,
  },
});
const historyRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/approval',
  tags,
  security,
  summary: 'Historia akceptacji dokumentu',
  request: { params: idParam },
  responses: { 200: jsonResponse(z.array(approvalTaskSchema), 'Zadania'), ...standardErrors },
});
const mineRoute = createRoute({
  method: 'get',
  path: '/approvals/mine',
  tags,
  security,
  summary: 'Projekty czekające na moją akceptację',
  responses: { 200: jsonResponse(z.array(approvalTaskSchema), 'Zadania'), ...standardErrors },
});
const decideRoute = createRoute({
  method: 'post',
  path: '/approval-tasks/{id}/decision',
  tags,
  security,
  summary: 'Akceptacja, zwrot z komentarzem lub przekazanie',
  request: { params: idParam, ...jsonBody(decideSchema) },
  responses: {
    200: jsonResponse(
      z.object({
        status: z.enum(['approved', 'returned', 'forwarded', 'next_step', 'waiting_for_parallel']),
      }),
      'Zapisano',
    ),
    ...standardErrors,
  },
});

export function registerApprovalRoutes(app: App, deps: AppDeps) {
  app.openapi(createPathRoute, async (c) =>
    c.json(await createApprovalPath(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(listPathsRoute, async (c) =>
    c.json(await listApprovalPaths(actorDeps(deps, c)), 200),
  );
  app.openapi(sendRoute, async (c) =>
    c.json(
      await sendForApproval(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(historyRoute, async (c) =>
    c.json(await listDocumentApprovals(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(mineRoute, async (c) => c.json(await listMyApprovalTasks(actorDeps(deps, c)), 200));
  app.openapi(decideRoute, async (c) =>
    c.json(
      await decideApproval(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
}

import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import { closeCase, issueDecision } from './case-closing.usecases.ts';

const issueRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/issue',
  tags: ['cases'],
  security,
  summary: 'Wydanie decyzji (wpis do rejestru decyzji)',
  request: { params: idParam },
  responses: {
    201: jsonResponse(
      z.object({ sign: z.string(), number: z.number(), year: z.number() }),
      'Wydano',
    ),
    ...standardErrors,
  },
});
const closeRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/close',
  tags: ['cases'],
  security,
  summary:
    'Zakończenie sprawy (data zakończenia, kategoria archiwalna, data brakowania albo ekspertyzy)',
  request: { params: idParam },
  responses: {
    200: jsonResponse(
      z.object({
        id: z.uuid(),
        closedOn: z.string(),
        archivalCategory: z.string().nullable(),
        disposalFrom: z.string().nullable(),
        expertReviewFrom: z.string().nullable(),
      }),
      'Zakończono',
    ),
    ...standardErrors,
  },
});

export function registerCaseClosingRoutes(app: App, deps: AppDeps) {
  app.openapi(issueRoute, async (c) =>
    c.json(await issueDecision(actorDeps(deps, c), c.req.valid('param').id), 201),
  );
  app.openapi(closeRoute, async (c) =>
    c.json(await closeCase(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
}

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
  extendCaseDeadline,
  listCaseDeadlines,
  pauseCaseDeadline,
  resumeCaseDeadline,
  setCaseDeadline,
  showCaseDeadline,
} from './case-deadlines.usecases.ts';
import {
  caseDeadlineSchema,
  extendSchema,
  pauseSchema,
  resumeSchema,
  setDeadlineSchema,
} from './case-deadlines.schemas.ts';

const tags = ['deadlines'];
const deadlineResponse = {
  200: jsonResponse(caseDeadlineSchema, 'Termin sprawy'),
  ...standardErrors,
};

const showRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/deadline',
  tags,
  security,
  summary: 'Termin sprawy: bieg, wstrzymania, przedłużenia',
  request: { params: idParam },
  responses: deadlineResponse,
});
const setRoute = createRoute({
  method: 'put',
  path: '/cases/{id}/deadline',
  tags,
  security,
  summary: 'Ustalenie terminu załatwienia sprawy (art. 35 KPA)',
  request: { params: idParam, ...jsonBody(setDeadlineSchema) },
  responses: deadlineResponse,
});
const pauseRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/deadline/pauses',
  tags,
  security,
  summary: 'Wstrzymanie biegu terminu (art. 35 § 5 KPA)',
  request: { params: idParam, ...jsonBody(pauseSchema) },
  responses: deadlineResponse,
});
const resumeRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/deadline/resume',
  tags,
  security,
  summary: 'Wznowienie biegu terminu',
  request: { params: idParam, ...jsonBody(resumeSchema) },
  responses: deadlineResponse,
});
const extendRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/deadline/extensions',
  tags,
  security,
  summary: 'Nowy termin i projekt zawiadomienia (art. 36 KPA)',
  request: { params: idParam, ...jsonBody(extendSchema) },
  responses: deadlineResponse,
});
const listRoute = createRoute({
  method: 'get',
  path: '/deadlines',
  tags,
  security,
  summary: 'Sprawy po terminie lub z terminem w ciągu N dni roboczych',
  request: {
    query: z.object({
      kind: z.enum(['overdue', 'due_soon']),
      within: z.coerce
        .number()
        .int()
        .min(0)
        .max(60)
        .optional()
        .openapi({ description: 'Dni robocze (due_soon), domyślnie 5' }),
      unitId: z.uuid().optional(),
      mine: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          caseId: z.uuid(),
          sign: z.string(),
          title: z.string(),
          unitId: z.uuid(),
          handlerId: z.uuid(),
          handler: z.string(),
          due: z.string(),
          status: z.string(),
          workingDaysLeft: z.number().nullable(),
        }),
      ),
      'Sprawy',
    ),
    ...standardErrors,
  },
});

export function registerCaseDeadlineRoutes(app: App, deps: AppDeps) {
  app.openapi(showRoute, async (c) =>
    c.json(await showCaseDeadline(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(setRoute, async (c) =>
    c.json(
      await setCaseDeadline(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(pauseRoute, async (c) =>
    c.json(
      await pauseCaseDeadline(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(resumeRoute, async (c) =>
    c.json(
      await resumeCaseDeadline(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(extendRoute, async (c) =>
    c.json(
      await extendCaseDeadline(
        { ...actorDeps(deps, c), files: deps.files },
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await listCaseDeadlines(actorDeps(deps, c), {
        kind: query.kind,
        ...(query.within !== undefined ? { withinWorkingDays: query.within } : {}),
        unitId: query.unitId,
        mine: query.mine === 'true',
      }),
      200,
    );
  });
}

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
import { getCaseRecord } from './case-record.usecases.ts';
import { caseListToCsv, getCaseList } from './case-list.usecases.ts';
import { registerCasePartyRoutes } from './case-parties.routes.ts';
import {
  caseListQuerySchema,
  caseListSchema,
  caseSchema,
  changeHandlerSchema,
  joinIncomingSchema,
  openCaseSchema,
  subCaseSchema,
} from './cases.schemas.ts';
import {
  changeCaseHandler,
  getCase,
  joinIncomingToCase,
  listCases,
  openCase,
  openSubCase,
} from './cases.usecases.ts';

const tags = ['cases'];
const createdCase = {
  201: jsonResponse(z.object({ id: z.uuid(), sign: z.string() }), 'Założono'),
  ...standardErrors,
};

const openRoute = createRoute({
  method: 'post',
  path: '/cases',
  tags,
  security,
  summary: 'Założenie sprawy (z przesyłki lub z urzędu)',
  request: jsonBody(openCaseSchema),
  responses: createdCase,
});
const listRoute = createRoute({
  method: 'get',
  path: '/cases',
  tags,
  security,
  summary: 'Sprawy widoczne dla użytkownika',
  request: {
    query: z.object({
      status: z.enum(['open', 'closed']).optional(),
      mine: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
      offset: z.coerce.number().int().min(0).optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          id: z.uuid(),
          sign: z.string(),
          title: z.string(),
          status: z.string(),
          unitId: z.uuid(),
          handlerId: z.uuid(),
          openedAt: z.string(),
          closedAt: z.string().nullable(),
        }),
      ),
      'Sprawy',
    ),
    ...standardErrors,
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/cases/{id}',
  tags,
  security,
  summary: 'Sprawa',
  request: { params: idParam },
  responses: { 200: jsonResponse(caseSchema, 'Sprawa'), ...standardErrors },
});
const joinRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/incoming',
  tags,
  security,
  summary: 'Włączenie kolejnej przesyłki do sprawy',
  request: { params: idParam, ...jsonBody(joinIncomingSchema) },
  responses: {
    201: jsonResponse(z.object({ caseId: z.uuid(), incomingId: z.uuid() }), 'Włączono'),
    ...standardErrors,
  },
});
const subCaseRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/sub-cases',
  tags,
  security,
  summary: 'Wydzielenie podteczki',
  request: { params: idParam, ...jsonBody(subCaseSchema) },
  responses: createdCase,
});
const handlerRoute = createRoute({
  method: 'put',
  path: '/cases/{id}/handler',
  tags,
  security,
  summary: 'Zmiana prowadzącego (kierownik komórki)',
  request: { params: idParam, ...jsonBody(changeHandlerSchema) },
  responses: {
    200: jsonResponse(z.object({ id: z.uuid(), handlerId: z.uuid() }), 'Zmieniono'),
    ...standardErrors,
  },
});
const recordRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/record',
  tags,
  security,
  summary: 'Metryka sprawy (KPA art. 66a)',
  request: { params: idParam },
  responses: {
    200: jsonResponse(
      z
        .object({
          sign: z.string(),
          title: z.string(),
          rows: z.array(
            z.object({
              seq: z.number(),
              at: z.string(),
              person: z.string(),
              post: z.string(),
              action: z.string(),
              description: z.string(),
              documentId: z.string().nullable(),
            }),
          ),
        })
        .openapi('CaseRecord'),
      'Metryka',
    ),
    ...standardErrors,
  },
});
const caseListRoute = createRoute({
  method: 'get',
  path: '/case-lists',
  tags,
  security,
  summary: 'Spis spraw (rok, komórka, klasa JRWA); JSON lub CSV',
  request: { query: caseListQuerySchema },
  responses: {
    200: {
      content: {
        'application/json': { schema: caseListSchema },
        'text/csv': { schema: z.string() },
      },
      description: 'Spis spraw',
    },
    ...standardErrors,
  },
});

export function registerCaseRoutes(app: App, deps: AppDeps) {
  app.openapi(openRoute, async (c) =>
    c.json(await openCase(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await listCases(actorDeps(deps, c), { ...query, mine: query.mine === 'true' }),
      200,
    );
  });
  app.openapi(getRoute, async (c) =>
    c.json(await getCase(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(joinRoute, async (c) =>
    c.json(
      await joinIncomingToCase(
        actorDeps(deps, c),
        c.req.valid('param').id,
        c.req.valid('json').incomingId,
      ),
      201,
    ),
  );
  app.openapi(subCaseRoute, async (c) =>
    c.json(
      await openSubCase(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(handlerRoute, async (c) =>
    c.json(
      await changeCaseHandler(
        actorDeps(deps, c),
        c.req.valid('param').id,
        c.req.valid('json').handlerId,
      ),
      200,
    ),
  );
  app.openapi(recordRoute, async (c) =>
    c.json(await getCaseRecord(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(caseListRoute, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const list = await getCaseList(actorDeps(deps, c), query);
    if (format === 'csv') {
      const file = `spis-spraw-${list.unit.symbol}-${list.jrwa.symbol}-${list.year}.csv`;
      return c.body(caseListToCsv(list), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file}"`,
      });
    }
    return c.json(list, 200);
  });
  registerCasePartyRoutes(app, deps);
}

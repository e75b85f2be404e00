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
import { addCaseParty, listCaseParties, recordFileInspection } from './case-parties.usecases.ts';
import { addPartySchema, casePartySchema, fileInspectionSchema } from './cases.schemas.ts';

const tags = ['cases'];

const listRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/parties',
  tags,
  security,
  summary: 'Strony postępowania',
  request: { params: idParam },
  responses: { 200: jsonResponse(z.array(casePartySchema), 'Strony'), ...standardErrors },
});
const addRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/parties',
  tags,
  security,
  summary: 'Dodanie strony postępowania (otrzymuje m.in. zawiadomienie z art. 36 KPA)',
  request: { params: idParam, ...jsonBody(addPartySchema) },
  responses: { 201: jsonResponse(casePartySchema, 'Dodano'), ...standardErrors },
});
const inspectionRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/file-inspections',
  tags,
  security,
  summary: 'Przeglądanie akt przez stronę (art. 73 § 1 KPA) – wiersz metryki',
  request: { params: idParam, ...jsonBody(fileInspectionSchema) },
  responses: {
    201: jsonResponse(
      z.object({ caseId: z.uuid(), partyId: z.uuid(), at: z.string() }),
      'Odnotowano w metryce',
    ),
    ...standardErrors,
  },
});

export function registerCasePartyRoutes(app: App, deps: AppDeps) {
  app.openapi(listRoute, async (c) =>
    c.json(await listCaseParties(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(addRoute, async (c) =>
    c.json(
      await addCaseParty(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(inspectionRoute, async (c) =>
    c.json(
      await recordFileInspection(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
  );
}

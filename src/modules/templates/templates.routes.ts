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
import { createDraftFromTemplate, renderTemplatePreview } from './template-drafts.usecases.ts';
import {
  draftFromTemplateSchema,
  letterheadSchema,
  previewTemplateSchema,
  saveTemplateSchema,
  templateSchema,
} from './templates.schemas.ts';
import {
  getLetterhead,
  listTemplates,
  saveLetterhead,
  saveTemplate,
} from './templates.usecases.ts';

const tags = ['templates'];
const letterhead = z.object({ town: z.string(), address: z.string().nullable() });

const listRoute = createRoute({
  method: 'get',
  path: '/templates',
  tags,
  security,
  summary: 'Szablony pism urzędu (wbudowane i własne)',
  responses: { 200: jsonResponse(z.array(templateSchema), 'Szablony'), ...standardErrors },
});
const saveRoute = createRoute({
  method: 'post',
  path: '/templates',
  tags,
  security,
  summary: 'Zapis szablonu pisma; ten sam kod zastępuje szablon wbudowany (administrator)',
  request: jsonBody(saveTemplateSchema),
  responses: { 200: jsonResponse(templateSchema, 'Zapisano'), ...standardErrors },
});
const previewRoute = createRoute({
  method: 'post',
  path: '/templates/preview',
  tags,
  security,
  summary: 'Podgląd pisma z szablonu w sprawie (PDF, nic nie zapisuje)',
  request: jsonBody(previewTemplateSchema),
  responses: {
    200: {
      description: 'PDF',
      content: {
        'application/pdf': { schema: z.any().openapi({ type: 'string', format: 'binary' }) },
      },
    },
    ...standardErrors,
  },
});
const getLetterheadRoute = createRoute({
  method: 'get',
  path: '/templates/letterhead',
  tags,
  security,
  summary: 'Nagłówek pism urzędu (miejscowość, adres)',
  responses: {
    200: jsonResponse(z.object({ letterhead: letterhead.nullable() }), 'Nagłówek'),
    ...standardErrors,
  },
});
const saveLetterheadRoute = createRoute({
  method: 'put',
  path: '/templates/letterhead',
  tags,
  security,
  summary: 'Ustawienie nagłówka pism urzędu (administrator)',
  request: jsonBody(letterheadSchema),
  responses: { 200: jsonResponse(letterhead, 'Zapisano'), ...standardErrors },
});
const draftRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/documents/from-template',
  tags,
  security,
  summary: 'Projekt pisma z szablonu: PDF dodany do sprawy jako projekt (wersja 1)',
  request: { params: idParam, ...jsonBody(draftFromTemplateSchema) },
  responses: {
    201: jsonResponse(
      z.object({ id: z.uuid(), version: z.number(), sha256: z.string() }),
      'Utworzono projekt',
    ),
    ...standardErrors,
  },
});

export function registerTemplateRoutes(app: App, deps: AppDeps) {
  app.openapi(listRoute, async (c) => c.json(await listTemplates(actorDeps(deps, c)), 200));
  app.openapi(saveRoute, async (c) =>
    c.json(await saveTemplate(actorDeps(deps, c), c.req.valid('json')), 200),
  );
  app.openapi(previewRoute, async (c) => {
    const pdf = await renderTemplatePreview(actorDeps(deps, c), c.req.valid('json'));
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf' });
  });
  app.openapi(getLetterheadRoute, async (c) =>
    c.json({ letterhead: await getLetterhead(actorDeps(deps, c)) }, 200),
  );
  app.openapi(saveLetterheadRoute, async (c) =>
    c.json(await saveLetterhead(actorDeps(deps, c), c.req.valid('json')), 200),
  );
  app.openapi(draftRoute, async (c) =>
    c.json(
      await createDraftFromTemplate(
        { ...actorDeps(deps, c), files: deps.files },
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
  );
}

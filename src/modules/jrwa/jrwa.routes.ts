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
import { localDateSchema } from '../../platform/http/common-schemas.ts';
import { listHomeUnits, setHomeUnitClasses } from './jrwa-home-units.usecases.ts';
import { homeUnitClassesSchema, homeUnitSchema } from './jrwa.schemas.ts';
import { importJrwa, listJrwaClasses, listJrwaVersions } from './jrwa.usecases.ts';

const tags = ['jrwa'];
const defectSchema = z.object({
  lineNo: z.number(),
  symbol: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  messagePl: z.string(),
});

const listClassesRoute = createRoute({
  method: 'get',
  path: '/jrwa/classes',
  tags,
  security,
  summary: 'Klasy obowiązującego wykazu akt',
  request: {
    query: z.object({
      final: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true = tylko klasy końcowe' }),
      date: localDateSchema
        .optional()
        .openapi({ description: 'Wykaz obowiązujący w tym dniu (domyślnie dziś)' }),
    }),
  },
  responses: {
    200: jsonResponse(
      z.array(
        z
          .object({
            symbol: z.string(),
            title: z.string(),
            category: z.string().nullable(),
            categoryElsewhere: z.string().nullable(),
            isFinal: z.boolean(),
          })
          .openapi('JrwaClass'),
      ),
      'Klasy',
    ),
    ...standardErrors,
  },
});
const listVersionsRoute = createRoute({
  method: 'get',
  path: '/jrwa/versions',
  tags,
  security,
  summary: 'Wersje wykazu akt z raportami wad importu',
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          adoptedOn: z.string(),
          format: z.string(),
          importedAt: z.string(),
          defects: z.array(defectSchema),
        }),
      ),
      'Wersje',
    ),
    ...standardErrors,
  },
});
const importRoute = createRoute({
  method: 'post',
  path: '/jrwa/versions',
  tags,
  security,
  summary: 'Import wykazu akt (TSV) jako nowej wersji',
  request: jsonBody(
    z
      .object({
        name: z.string().trim().min(1).max(300),
        adoptedOn: localDateSchema,
        text: z.string().min(1).max(20_000_000),
      })
      .openapi('ImportJrwa'),
  ),
  responses: {
    201: jsonResponse(
      z
        .object({
          versionId: z.uuid(),
          format: z.string(),
          classCount: z.number(),
          finalClassCount: z.number(),
          defects: z.array(defectSchema),
        })
        .openapi('JrwaImportReport'),
      'Zaimportowano',
    ),
    ...standardErrors,
  },
});

const listHomeUnitsRoute = createRoute({
  method: 'get',
  path: '/jrwa/home-units',
  tags,
  security,
  summary:
    'Komórki macierzyste klas JRWA (kategoria „w komórce macierzystej” wykazu sprzed 2011 r.)',
  responses: { 200: jsonResponse(z.array(homeUnitSchema), 'Komórki'), ...standardErrors },
});
const setHomeUnitRoute = createRoute({
  method: 'put',
  path: '/jrwa/home-units/{id}',
  tags,
  security,
  summary:
    'Klasy JRWA (lub gałęzie wykazu), których komórka jest komórką macierzystą; w innych komórkach sprawa dostaje kategorię „w pozostałych komórkach”',
  request: { params: idParam, ...jsonBody(homeUnitClassesSchema) },
  responses: { 200: jsonResponse(homeUnitSchema, 'Zapisano'), ...standardErrors },
});

export function registerJrwaRoutes(app: App, deps: AppDeps) {
  app.openapi(listClassesRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await listJrwaClasses(actorDeps(deps, c), {
        finalOnly: query.final === 'true',
        ...(query.date ? { onDate: query.date } : {}),
      }),
      200,
    );
  });
  app.openapi(listVersionsRoute, async (c) =>
    c.json(await listJrwaVersions(actorDeps(deps, c)), 200),
  );
  app.openapi(importRoute, async (c) =>
    c.json(await importJrwa(actorDeps(deps, c), c.req.valid('json')), 201),
  );
  app.openapi(listHomeUnitsRoute, async (c) =>
    c.json(await listHomeUnits(actorDeps(deps, c)), 200),
  );
  app.openapi(setHomeUnitRoute, async (c) =>
    c.json(
      await setHomeUnitClasses(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
}

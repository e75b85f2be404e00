import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import { searchEverything, searchQuerySchema } from './search.usecases.ts';

const hitSchema = z
  .object({
    type: z.enum(['case', 'incoming', 'document']),
    id: z.uuid(),
    caseId: z.uuid().nullable(),
    reference: z.string().nullable().openapi({ description: 'Znak sprawy lub numer RPW' }),
    title: z.string(),
    excerpt: z.string().nullable(),
  })
  .openapi('SearchHit');

const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['search'],
  security,
  summary: 'Wyszukiwanie pełnotekstowe: sprawy, przesyłki, dokumenty (tylko to, co mogę otworzyć)',
  request: {
    query: searchQuerySchema.extend({
      q: searchQuerySchema.shape.q.openapi({ example: 'umorzenie zaległości' }),
    }),
  },
  responses: { 200: jsonResponse(z.array(hitSchema), 'Wyniki'), ...standardErrors },
});

export function registerSearchRoutes(app: App, deps: AppDeps) {
  // Only reads: the index is kept up to date in the background (search.jobs.ts).
  app.openapi(searchRoute, async (c) =>
    c.json(await searchEverything(actorDeps(deps, c), c.req.valid('query')), 200),
  );
}

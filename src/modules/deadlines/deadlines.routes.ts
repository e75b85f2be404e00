import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../platform/http/http-types.ts';
import { jsonResponse, standardErrors } from '../../platform/http/route-helpers.ts';
import { polishHolidays } from './calendar.ts';
import { computeTermEnd, parseLocalDate, parseTerm } from './term.ts';

const tags = ['deadlines'];

const computeRoute = createRoute({
  method: 'get',
  path: '/deadlines/compute',
  tags,
  summary: 'Obliczenie terminu wg art. 57 KPA (bez logowania)',
  request: {
    query: z.object({
      from: z.string().openapi({
        example: '2025-12-12',
        description: 'Dzień zdarzenia (YYYY-MM-DD); nie wlicza się go',
      }),
      term: z.string().openapi({ example: '14d', description: 'Liczba i jednostka: d, w, m, y' }),
    }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({ from: z.string(), term: z.string(), rawEnd: z.string(), due: z.string() })
        .openapi('ComputedDeadline'),
      'Termin',
    ),
    400: standardErrors[400],
  },
});
const holidaysRoute = createRoute({
  method: 'get',
  path: '/deadlines/holidays',
  tags,
  summary: 'Dni ustawowo wolne od pracy w roku (bez logowania)',
  request: { query: z.object({ year: z.coerce.number().int().min(1990).max(2200) }) },
  responses: {
    200: jsonResponse(z.array(z.object({ date: z.string(), name: z.string() })), 'Święta'),
    400: standardErrors[400],
  },
});
/** The KPA calculator, open without signing in. */
export function registerDeadlineRoutes(app: App) {
  app.openapi(computeRoute, (c) => {
    const query = c.req.valid('query');
    const from = parseLocalDate(query.from);
    const { rawEnd, due } = computeTermEnd(from, parseTerm(query.term));
    return c.json({ from, term: query.term, rawEnd, due }, 200);
  });
  app.openapi(holidaysRoute, (c) => c.json(polishHolidays(c.req.valid('query').year), 200));
}

import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonResponse,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import {
  fileParam,
  letterReadingSchema,
  proposalParam,
  quarantinedPageSchema,
} from './ocr.schemas.ts';
import {
  acceptProposal,
  dismissProposal,
  getLetterReading,
  listQuarantine,
  readSearchablePdf,
  rerunLetterOcr,
} from './ocr.usecases.ts';

const tags = ['ocr'];

const readingRoute = createRoute({
  method: 'get',
  path: '/incoming/{id}/reading',
  tags,
  security,
  summary: 'Rozpoznawanie tekstu (OCR) plików przesyłki i propozycje identyfikatorów z treści',
  request: { params: idParam },
  responses: { 200: jsonResponse(letterReadingSchema, 'Stan odczytu'), ...standardErrors },
});

const rerunRoute = createRoute({
  method: 'post',
  path: '/incoming/{id}/reading/files/{fileId}/rerun',
  tags,
  security,
  summary: 'Ponowne rozpoznanie tekstu pliku (od pierwszej strony)',
  request: { params: fileParam },
  responses: {
    202: jsonResponse(z.object({ fileId: z.uuid(), status: z.literal('queued') }), 'W kolejce'),
    ...standardErrors,
  },
});

const searchableRoute = createRoute({
  method: 'get',
  path: '/incoming/{id}/reading/files/{fileId}/searchable-pdf',
  tags,
  security,
  summary: 'Przeszukiwalny PDF skanu (kopia obok oryginału, z niewidoczną warstwą tekstu)',
  request: { params: fileParam },
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

const quarantineRoute = createRoute({
  method: 'get',
  path: '/ocr/quarantine',
  tags,
  security,
  summary:
    'Kwarantanna OCR: strony plików przesyłek, których nie udało się odczytać po ponowieniach',
  responses: {
    200: jsonResponse(z.array(quarantinedPageSchema), 'Strony w kwarantannie'),
    ...standardErrors,
  },
});

const decisionSchema = z.object({ id: z.uuid(), status: z.enum(['accepted', 'dismissed']) });

const acceptRoute = createRoute({
  method: 'post',
  path: '/incoming/{id}/proposals/{proposalId}/accept',
  tags,
  security,
  summary: 'Przyjęcie propozycji: identyfikator nadawcy albo dołączenie do wskazanej sprawy',
  request: { params: proposalParam },
  responses: { 200: jsonResponse(decisionSchema, 'Przyjęto'), ...standardErrors },
});

const dismissRoute = createRoute({
  method: 'post',
  path: '/incoming/{id}/proposals/{proposalId}/dismiss',
  tags,
  security,
  summary: 'Odrzucenie propozycji z treści przesyłki',
  request: { params: proposalParam },
  responses: { 200: jsonResponse(decisionSchema, 'Odrzucono'), ...standardErrors },
});

export function registerOcrRoutes(app: App, deps: AppDeps) {
  app.openapi(quarantineRoute, async (c) => c.json(await listQuarantine(actorDeps(deps, c)), 200));
  app.openapi(readingRoute, async (c) =>
    c.json(await getLetterReading(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(rerunRoute, async (c) => {
    const { id, fileId } = c.req.valid('param');
    return c.json(await rerunLetterOcr(actorDeps(deps, c), id, fileId), 202);
  });
  app.openapi(searchableRoute, async (c) => {
    const { id, fileId } = c.req.valid('param');
    const file = await readSearchablePdf({ ...actorDeps(deps, c), files: deps.files }, id, fileId);
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-sha256': file.sha256,
    });
  });
  app.openapi(acceptRoute, async (c) => {
    const { id, proposalId } = c.req.valid('param');
    return c.json(await acceptProposal(actorDeps(deps, c), id, proposalId), 200);
  });
  app.openapi(dismissRoute, async (c) => {
    const { id, proposalId } = c.req.valid('param');
    return c.json(await dismissProposal(actorDeps(deps, c), id, proposalId), 200);
  });
}

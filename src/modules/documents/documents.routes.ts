import { createRoute, z } from '@hono/zod-openapi';
import { fileHeaders } from '../../platform/http/security-headers.ts';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import {
  actorDeps,
  idParam,
  jsonBody,
  jsonResponse,
  readUpload,
  security,
  standardErrors,
} from '../../platform/http/route-helpers.ts';
import { documentKinds, documentSchema } from './documents.schemas.ts';
import {
  addDocument,
  addDocumentVersion,
  cancelDraft,
  getDocument,
  listCaseDocuments,
  readDocumentVersion,
} from './documents.usecases.ts';
import { accessLevels } from '../incoming/incoming.schemas.ts';

const tags = ['documents'];
const fileField = z.any().openapi({ type: 'string', format: 'binary' });
const created = {
  201: jsonResponse(
    z.object({ id: z.uuid(), version: z.number(), sha256: z.string() }),
    'Zapisano',
  ),
  ...standardErrors,
};

const addRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/documents',
  tags,
  security,
  summary: 'Dodanie dokumentu do sprawy (wersja 1)',
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: fileField,
            kind: z.enum(documentKinds),
            title: z.string(),
            access: z.enum(accessLevels).optional(),
          }),
        },
      },
    },
  },
  responses: created,
});
const listRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/documents',
  tags,
  security,
  summary: 'Dokumenty sprawy z wersjami',
  request: { params: idParam },
  responses: { 200: jsonResponse(z.array(documentSchema), 'Dokumenty'), ...standardErrors },
});
const getRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags,
  security,
  summary: 'Dokument z wersjami',
  request: { params: idParam },
  responses: { 200: jsonResponse(documentSchema, 'Dokument'), ...standardErrors },
});
const versionRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/versions',
  tags,
  security,
  summary: 'Nowa wersja projektu',
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: fileField, note: z.string().optional() }),
        },
      },
    },
  },
  responses: created,
});
const contentRoute = createRoute({
  method: 'get',
  path: '/documents/{id}/content',
  tags,
  security,
  summary: 'Treść wersji dokumentu (domyślnie bieżącej)',
  request: {
    params: idParam,
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
  },
  responses: {
    200: { description: 'Plik', content: { 'application/octet-stream': { schema: fileField } } },
    ...standardErrors,
  },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/documents/{id}/cancel',
  tags,
  security,
  summary: 'Wycofanie projektu (nie będzie wydany)',
  request: {
    params: idParam,
    ...jsonBody(z.object({ reason: z.string().trim().min(1).max(1000) }).openapi('CancelDraft')),
  },
  responses: {
    200: jsonResponse(
      z.object({ id: z.uuid(), status: z.literal('cancelled') }),
      'Projekt wycofany',
    ),
    ...standardErrors,
  },
});

export function registerDocumentRoutes(app: App, deps: AppDeps) {
  app.openapi(addRoute, async (c) => {
    const { file, text } = await readUpload(c, 'dokument');
    const metadata = {
      kind: text('kind') as (typeof documentKinds)[number],
      title: text('title') ?? '',
      ...(text('access') ? { access: text('access') as (typeof accessLevels)[number] } : {}),
    };
    return c.json(
      await addDocument(
        { ...actorDeps(deps, c), files: deps.files },
        c.req.valid('param').id,
        metadata,
        file,
      ),
      201,
    );
  });
  app.openapi(listRoute, async (c) =>
    c.json(await listCaseDocuments(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await getDocument(actorDeps(deps, c), c.req.valid('param').id), 200),
  );
  app.openapi(versionRoute, async (c) => {
    const { file, text } = await readUpload(c, 'dokument');
    return c.json(
      await addDocumentVersion(
        { ...actorDeps(deps, c), files: deps.files },
        c.req.valid('param').id,
        file,
        text('note'),
      ),
      201,
    );
  });
  app.openapi(cancelRoute, async (c) =>
    c.json(
      await cancelDraft(actorDeps(deps, c), c.req.valid('param').id, c.req.valid('json').reason),
      200,
    ),
  );
  app.openapi(contentRoute, async (c) => {
    const result = await readDocumentVersion(
      { ...actorDeps(deps, c), files: deps.files },
      c.req.valid('param').id,
      c.req.valid('query').version,
    );
    return c.body(new Uint8Array(result.content), 200, fileHeaders(result));
  });
}

import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../../platform/http/http-types.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../platform/http/route-helpers.ts';
import { errorBodySchema } from '../../platform/http/error-handler.ts';
import { FORM_CATALOGUE } from './forms/form-catalogue.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import type { PortalOptions } from './portal-setup.ts';
import {
  portalFormSchema,
  statusLookupResultSchema,
  statusLookupSchema,
} from './portal.schemas.ts';
import { lookupStatus } from './status-lookup.usecases.ts';

const tags = ['portal'];

/** Paths of the portal's API that need no sign-in (the auth gate lets them through). */
const formsRoute = createRoute({
  method: 'get',
  path: '/portal/forms',
  tags,
  summary: 'Formularze portalu mieszkańca: pola, etykiety, komórka i klasa JRWA (bez logowania)',
  responses: { 200: jsonResponse(z.array(portalFormSchema), 'Formularze') },
});

const lookupRoute = createRoute({
  method: 'post',
  path: '/portal/status-lookup',
  tags,
  summary:
    'Status sprawy po znaku sprawy lub numerze RPW i kodzie dostępu (bez logowania, limit prób)',
  request: jsonBody(statusLookupSchema),
  responses: {
    200: jsonResponse(statusLookupResultSchema, 'Status sprawy'),
    400: standardErrors[400],
    404: jsonResponse(errorBodySchema, 'Nie ma sprawy o takim znaku i kodzie (bez rozróżnienia)'),
    429: jsonResponse(errorBodySchema, 'Zbyt wiele nieudanych prób'),
  },
});

export function registerPortalRoutes(app: App, deps: AppDeps, options: PortalOptions) {
  app.openapi(formsRoute, (c) =>
    c.json(
      FORM_CATALOGUE.map((form) => ({
        id: form.id,
        version: form.version,
        title: form.title,
        summary: form.summary,
        unitSymbol: form.unitSymbol,
        jrwaSymbol: form.jrwaSymbol,
        term: form.term,
        fee: form.fee ?? null,
        sections: form.sections.map((section) => ({
          title: section.title,
          fields: section.fields.map((field) => ({
            name: field.name,
            label: field.label,
            kind: field.kind,
            required: Boolean(field.required),
            hint: field.hint ?? null,
            fromIdentity: field.fromIdentity ?? null,
            options: field.options ? [...field.options] : null,
          })),
        })),
        attachments: form.attachments,
      })),
      200,
    ),
  );
  app.openapi(lookupRoute, async (c) => {
    const input = c.req.valid('json');
    const result = await lookupStatus(
      { db: deps.db, clock: deps.clock, portal: options.settings },
      { ...input, client: clientAddress(c, options.trustProxy) },
    );
    return c.json(result, 200);
  });
}

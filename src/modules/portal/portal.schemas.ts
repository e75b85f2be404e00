import { z } from '@hono/zod-openapi';

const fieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum([
    'text',
    'textarea',
    'pesel',
    'nip',
    'postal_code',
    'email',
    'phone',
    'date',
    'number',
    'select',
  ]),
  required: z.boolean(),
  hint: z.string().nullable(),
  fromIdentity: z.enum(['name', 'pesel']).nullable(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
});

export const portalFormSchema = z
  .object({
    id: z.string().openapi({ example: 'zaswiadczenie-o-niezaleganiu' }),
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    unitSymbol: z.string().openapi({ example: 'FN' }),
    jrwaSymbol: z.string().nullable().openapi({ example: '3118' }),
    term: z.object({ term: z.string(), basis: z.string() }),
    fee: z.string().nullable(),
    sections: z.array(z.object({ title: z.string(), fields: z.array(fieldSchema) })),
    attachments: z.object({ required: z.boolean(), hint: z.string() }),
  })
  .openapi('PortalForm');

export const statusLookupSchema = z
  .object({
    reference: z.string().trim().min(1).max(120).openapi({
      example: 'FN.3118.1.2026',
      description: 'Znak sprawy albo numer RPW z potwierdzenia',
    }),
    accessCode: z.string().trim().min(1).max(40).openapi({ example: 'ABCDE-FGH23' }),
  })
  .openapi('PortalStatusLookup');

export const statusLookupResultSchema = z
  .object({
    status: z.enum([
      'received',
      'registered',
      'assigned',
      'in_progress',
      'suspended',
      'waiting_for_party',
      'decided',
      'delivered',
      'closed',
    ]),
    label: z.string(),
    description: z.string(),
    caseSign: z.string().nullable(),
    deadline: z
      .object({
        due: z.string().nullable(),
        pausedSince: z.string().nullable(),
        immediate: z.boolean().openapi({
          description: 'Niezwłocznie (art. 35 § 2 KPA): bez daty końcowej',
        }),
        estimated: z.boolean(),
        basis: z.string(),
        overdue: z.boolean(),
      })
      .nullable(),
    delayNotice: z
      .object({ previousDue: z.string().nullable(), newDue: z.string(), reason: z.string() })
      .nullable(),
    decision: z.object({ kind: z.string(), issuedOn: z.string() }).nullable(),
    delivery: z
      .object({
        deliveredOn: z.string(),
        appealDue: z.string().nullable(),
        appealTerm: z.string().nullable(),
      })
      .nullable(),
    timeline: z.array(z.object({ on: z.string(), what: z.string() })),
  })
  .openapi('PortalStatus');

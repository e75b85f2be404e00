import { z } from '@hono/zod-openapi';
import { FIELD_NAME } from './template-render.ts';

export const templateKinds = [
  'letter',
  'decision',
  'order',
  'certificate',
  'delay_notice',
  'note',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const templateCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/)
  .openapi({ example: 'decision' });

export const saveTemplateSchema = z
  .object({
    code: templateCodeSchema,
    name: text(200).openapi({ example: 'Decyzja w sprawie podatku od nieruchomości' }),
    kind: z.enum(templateKinds),
    body: text(50_000).openapi({
      example: '# DECYZJA\n\nNa podstawie {{fields.legal_basis}} w sprawie {{case.title}}…',
    }),
    active: z.boolean().default(true),
  })
  .openapi('SaveLetterTemplate');

export const templateSchema = z
  .object({
    id: z.string().openapi({ description: 'uuid of an office template, `default.<code>` else' }),
    code: z.string(),
    name: z.string(),
    kind: z.enum(templateKinds),
    body: z.string(),
    active: z.boolean(),
    source: z.enum(['default', 'office']),
    /** Names after `fields.`, for the form the user fills in when drafting. */
    fields: z.array(z.string()),
  })
  .openapi('LetterTemplate');

const fieldsSchema = z
  .record(z.string().regex(FIELD_NAME), z.string().max(20_000))
  .default({})
  .openapi({ example: { ruling: 'Ustalam wysokość podatku na kwotę 1 234,00 zł.' } });

const addresseeSchema = z.object({
  name: text(300),
  address: z.string().trim().max(500).openapi({ example: 'ul. Lipowa 5\n00-950 Demo' }),
});

export const draftFromTemplateSchema = z
  .object({
    templateCode: templateCodeSchema,
    title: text(500).optional(),
    fields: fieldsSchema,
    addressee: addresseeSchema
      .optional()
      .openapi({ description: 'Instead of the sender of the initiating letter' }),
  })
  .openapi('DraftFromTemplate');

export const previewTemplateSchema = z
  .object({
    caseId: z.uuid(),
    templateCode: templateCodeSchema.optional(),
    body: text(50_000).optional().openapi({ description: 'Unsaved body, instead of a code' }),
    fields: fieldsSchema,
    addressee: addresseeSchema.optional(),
  })
  .refine((input) => (input.templateCode === undefined) !== (input.body === undefined), {
    message: 'give either templateCode or body',
  })
  .openapi('PreviewTemplate');

export const letterheadSchema = z
  .object({
    town: text(120).openapi({ example: 'Świnoujście' }),
    address: text(300).nullable().default(null).openapi({ example: 'ul. Wojska Polskiego 1/5' }),
  })
  .openapi('Letterhead');

export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;
export type DraftFromTemplateInput = z.input<typeof draftFromTemplateSchema>;
export type PreviewTemplateInput = z.input<typeof previewTemplateSchema>;
export type LetterheadInput = z.input<typeof letterheadSchema>;

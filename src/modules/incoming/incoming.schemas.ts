import { z } from '@hono/zod-openapi';
import { isCalendarDay } from '../../platform/http/common-schemas.ts';

/** "brak danych": how the register writes an unknown value (never left empty). */
export const NO_DATA = 'brak danych';

export const channels = ['paper', 'epuap', 'edoreczenia', 'email', 'portal'] as const;
export const accessLevels = ['public', 'partly_public', 'non_public'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const addressSchema = z.object({
  street: text(200).optional(),
  postalCode: z
    .string()
    .regex(/^\d{2}-\d{3}$/)
    .optional()
    .openapi({ example: '72-600' }),
  town: text(120).openapi({ example: 'Świnoujście' }),
  country: text(80).openapi({ example: 'Polska' }),
});

/** Partial dates are allowed on the letter: year, year-month or a full date. */
const partialDate = z.union([
  z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)
    .refine((value) => value.length < 10 || isCalendarDay(value), 'not a calendar date'),
  z.literal(NO_DATA),
]);

export const registerIncomingSchema = z
  .object({
    title: text(500).openapi({
      example: 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
    }),
    sender: z.object({
      name: text(300).openapi({ example: 'Jan Kowalski' }),
      address: addressSchema,
    }),
    letterDate: partialDate.optional(),
    sentDate: partialDate.optional(),
    receivedAt: z.iso.datetime({ offset: true }).openapi({ example: '2026-03-02T09:15:00+01:00' }),
    channel: z.enum(channels),
    access: z.enum(accessLevels).default('public'),
    type: text(40).default('Text'),
    kind: text(100).optional(),
    attachmentsCount: z.number().int().min(0).max(10000).optional(),
    senderReference: text(200).optional(),
    deliveryMethod: text(100).optional(),
    remarks: text(2000).optional(),
  })
  .openapi('RegisterIncoming');

export type RegisterIncomingInput = z.input<typeof registerIncomingSchema>;
export type RegisterIncomingParsed = z.output<typeof registerIncomingSchema>;

/** Letters per bulk registration call: large enough for a migration, small enough for one commit. */
export const MAX_BATCH = 1000;

export const registerIncomingBatchSchema = z.array(registerIncomingSchema).min(1).max(MAX_BATCH);

export const incomingItemSchema = z
  .object({
    id: z.uuid(),
    rpwNumber: z.string().openapi({ example: 'RPW/12/2026' }),
    title: z.string(),
    sender: z.object({
      name: z.string(),
      address: addressSchema,
      identifiers: z.record(z.string(), z.string()).openapi({
        description:
          'Potwierdzone identyfikatory nadawcy (PESEL, NIP, REGON, KRS, IBAN, ADE, e-mail)',
        example: { pesel: '44051401359' },
      }),
    }),
    letterDate: z.string(),
    sentDate: z.string().nullable(),
    receivedAt: z.string(),
    registeredAt: z.string(),
    channel: z.enum(channels),
    access: z.enum(accessLevels),
    type: z.string(),
    kind: z.string(),
    attachmentsCount: z.number().nullable(),
    senderReference: z.string(),
    deliveryMethod: z.string(),
    remarks: z.string().nullable(),
    caseId: z.uuid().nullable(),
    accessCode: z.string().nullable().openapi({
      example: 'ABCDE-FGH23',
      description:
        'Kod dostępu do sprawdzania statusu w portalu mieszkańca (drukowany na potwierdzeniu wpływu)',
    }),
    files: z.array(
      z.object({
        fileId: z.uuid(),
        sha256: z.string(),
        name: z.string(),
        contentType: z.string(),
        sizeBytes: z.number(),
      }),
    ),
    allowedActions: z.array(z.string()),
  })
  .openapi('IncomingItem');

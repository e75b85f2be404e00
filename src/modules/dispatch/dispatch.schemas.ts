import { z } from '@hono/zod-openapi';
import { addressSchema } from '../incoming/incoming.schemas.ts';
import { localDateSchema } from '../../platform/http/common-schemas.ts';

export const dispatchMethods = [
  'post',
  'post_return_receipt',
  'edoreczenia',
  'epuap',
  'personal',
  'portal',
] as const;

/**
 * Who the addressee is, for e-Doręczenia: a letter to a public entity (podmiot publiczny: another
 * office, the SKO, a court) is delivered when it arrives in its box (u.d.e. art. 42 ust. 1 pkt 2);
 * to a person or a business (podmiot niepubliczny) when collected, or by the fiction of
 * art. 42 ust. 2.
 */
export const addresseeKinds = ['person', 'business', 'public_entity'] as const;

export const deliveryKinds = [
  'receipt',
  'electronic_proof',
  'personal',
  'fiction',
  'postal_fiction',
  'arrival',
] as const;

export const registerOutgoingSchema = z
  .object({
    documentId: z.uuid(),
    addressee: z.object({
      name: z.string().trim().min(1).max(300),
      address: addressSchema.optional(),
      kind: z.enum(addresseeKinds).default('person').openapi({
        description:
          'person = osoba fizyczna, business = podmiot niepubliczny, public_entity = podmiot publiczny (np. SKO, inny urząd)',
      }),
    }),
    electronicAddress: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .optional()
      .openapi({ example: 'AE:PL-12345-67890-ABCDE-12' }),
    method: z.enum(dispatchMethods),
    postalClass: z.enum(['economy', 'priority']).optional(),
    costGrosz: z.number().int().min(0).max(10_000_00).optional(),
  })
  .openapi('RegisterOutgoing');

export const deliverySchema = z
  .object({
    kind: z.enum(['receipt', 'electronic_proof', 'personal']).openapi({
      description:
        'receipt = zwrotne potwierdzenie odbioru podpisane przez adresata; electronic_proof = odebranie wg UPD (ePUAP, data odbioru) albo dowodu otrzymania (e-Doręczenia); personal = odbiór osobisty',
    }),
    deliveredOn: localDateSchema,
  })
  .openapi('RecordDelivery');

/** e-Doręczenia: the arrival day stated in the operator's dowód otrzymania. */
export const arrivalSchema = z
  .object({
    arrivedOn: localDateSchema.openapi({
      description: 'Dzień wpłynięcia przesyłki na adres do doręczeń elektronicznych adresata',
    }),
  })
  .openapi('RecordArrival');

/**
 * The delivery fiction: e-Doręczenia (u.d.e. art. 42 ust. 2, from the arrival day — recorded
 * before, or given here from the dowód otrzymania) or post (KPA art. 44: the first notice day;
 * the returned envelope is the proof).
 */
export const fictionSchema = z
  .object({
    arrivedOn: localDateSchema.optional().openapi({
      description:
        'e-Doręczenia: dzień wpłynięcia z dowodu otrzymania, jeśli nie został już odnotowany (POST /outgoing/{id}/arrival)',
    }),
    firstNoticeOn: localDateSchema.optional().openapi({
      description:
        'Poczta: dzień pierwszego zawiadomienia (awizo) z adnotacji na zwróconej przesyłce; doręczenie z upływem 14 dni (art. 44 § 4 KPA)',
    }),
  })
  .openapi('DeliveryFiction');

export const outgoingSchema = z
  .object({
    id: z.uuid(),
    rkwNumber: z.string(),
    caseId: z.uuid(),
    documentId: z.uuid().nullable(),
    addresseeName: z.string(),
    addresseeKind: z.enum(addresseeKinds),
    method: z.enum(dispatchMethods),
    status: z.enum(['registered', 'sent', 'delivered', 'returned']),
    registeredAt: z.string(),
    sentAt: z.string().nullable(),
    arrivedOn: z.string().nullable().openapi({
      description: 'e-Doręczenia: dzień wpłynięcia do skrzynki adresata wg dowodu otrzymania',
    }),
    firstNoticeOn: z.string().nullable().openapi({
      description: 'Poczta: dzień pierwszego zawiadomienia (awizo), art. 44 KPA',
    }),
    deliveredOn: z.string().nullable(),
    deliveryKind: z.enum(deliveryKinds).nullable(),
    proofName: z.string().nullable().openapi({
      description:
        'Nazwa dowodu doręczenia, np. „dowód otrzymania”, „zwrotne potwierdzenie odbioru”, „potwierdzenie odbioru w portalu”',
    }),
    fictionDate: z.string().nullable().openapi({
      description:
        'e-Doręczenia do osoby lub podmiotu niepublicznego: dzień, w którym nieodebrana przesyłka będzie uznana za doręczoną (od dnia wpłynięcia)',
    }),
    notCollectedAt: z.string().nullable().openapi({
      description:
        'Portal: kiedy prowadzącemu zgłoszono, że pisma nie pobrano (brak fikcji doręczenia – doręcz inną drogą)',
    }),
    appealTerm: z.string().nullable(),
    appealDue: z.string().nullable(),
  })
  .openapi('OutgoingItem');

export type RegisterOutgoingInput = z.input<typeof registerOutgoingSchema>;
export type DeliveryInput = z.infer<typeof deliverySchema>;
export type ArrivalInput = z.infer<typeof arrivalSchema>;
export type FictionInput = z.infer<typeof fictionSchema>;

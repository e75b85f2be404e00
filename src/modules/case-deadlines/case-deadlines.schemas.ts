import { z } from '@hono/zod-openapi';
import { localDateSchema } from '../../platform/http/common-schemas.ts';

export const deadlineKinds = ['immediate', 'one_month', 'two_months', 'appeal', 'custom'] as const;
export const pauseReasons = [
  'suspension',
  'completion',
  'statutory_wait',
  'party_delay',
  'other',
] as const;

export const setDeadlineSchema = z
  .object({
    kind: z.enum(deadlineKinds).openapi({
      description:
        'immediate = niezwłocznie (art. 35 § 2: bez liczby dni i bez daty końcowej, tylko przypomnienie); one_month / two_months (art. 35 § 3); appeal = 1 miesiąc od otrzymania odwołania; custom = termin urzędu',
    }),
    term: z
      .string()
      .regex(/^[1-9][0-9]*[dwmy]$/)
      .optional()
      .openapi({ description: 'Dla custom: np. 7d, 14d, 1m', example: '14d' }),
    startsOn: localDateSchema.optional().openapi({
      description:
        'Domyślnie dzień wpływu pisma wszczynającego (dla pism elektronicznych: dzień z UPP albo dowodu otrzymania)',
    }),
    remindAfterWorkingDays: z.number().int().min(1).max(60).optional().openapi({
      description:
        'Tylko immediate: po ilu dniach roboczych przypomnieć prowadzącemu (domyślnie 3); to nie jest termin',
    }),
  })
  .openapi('SetDeadline');

export const pauseSchema = z
  .object({
    reason: z.enum(pauseReasons),
    description: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .openapi({ example: 'Wezwanie do uzupełnienia braków formalnych (art. 64 § 2 KPA)' }),
    startsOn: localDateSchema,
  })
  .openapi('PauseDeadline');

export const resumeSchema = z.object({ endsOn: localDateSchema }).openapi('ResumeDeadline');

export const extendSchema = z
  .object({
    newDue: localDateSchema,
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .openapi({ example: 'konieczność uzyskania opinii biegłego' }),
  })
  .openapi('ExtendDeadline');

export const caseDeadlineSchema = z
  .object({
    caseId: z.uuid(),
    sign: z.string(),
    kind: z.enum(deadlineKinds).nullable(),
    term: z.string().nullable(),
    startsOn: z.string().nullable(),
    remindOn: z.string().nullable().openapi({
      description: 'Sprawa niezwłoczna (art. 35 § 2): dzień przypomnienia; nie jest terminem',
    }),
    rawEnd: z.string().nullable(),
    baseDue: z.string().nullable(),
    pausedDays: z.number(),
    pausedSince: z.string().nullable(),
    due: z.string().nullable(),
    status: z.enum(['running', 'paused', 'overdue', 'immediate', 'none']).openapi({
      description: 'immediate = niezwłocznie (art. 35 § 2), bez daty końcowej',
    }),
    workingDaysLeft: z.number().nullable(),
    pauses: z.array(
      z.object({
        id: z.uuid(),
        reason: z.enum(pauseReasons),
        description: z.string(),
        startsOn: z.string(),
        endsOn: z.string().nullable(),
      }),
    ),
    extensions: z.array(
      z.object({
        id: z.uuid(),
        previousDue: z.string().nullable(),
        newDue: z.string(),
        reason: z.string(),
        noticeText: z.string(),
        noticeDocumentId: z.uuid().nullable().openapi({
          description: 'Projekt zawiadomienia stron (art. 36 § 1 KPA) w aktach sprawy',
        }),
      }),
    ),
  })
  .openapi('CaseDeadline');

export type SetDeadlineInput = z.infer<typeof setDeadlineSchema>;
export type PauseInput = z.infer<typeof pauseSchema>;
export type ExtendInput = z.infer<typeof extendSchema>;

import { z } from '@hono/zod-openapi';

/** Whether YYYY-MM-DD names a day of the calendar (2024-02-29 does, 2026-02-30 does not). */
export const isCalendarDay = (value: string) =>
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isCalendarDay, 'not a calendar date');

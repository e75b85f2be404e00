import { z } from '@hono/zod-openapi';

/** The classes (or whole branches) of the wykaz a unit owns: it is their komórka macierzysta. */
export const homeUnitClassesSchema = z
  .object({
    symbols: z
      .array(z.string().regex(/^\d{1,6}$/))
      .max(500)
      .openapi({ example: ['05', '0003'] }),
  })
  .openapi('HomeUnitClasses');

export const homeUnitSchema = z
  .object({ unitId: z.uuid(), symbols: z.array(z.string()) })
  .openapi('HomeUnit');

export type HomeUnitClassesInput = z.infer<typeof homeUnitClassesSchema>;

import { afterAll, beforeAll } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { seedDemoOffice, type DemoOffice } from '../../src/demo/demo-office.ts';
import type { Actor } from '../../src/platform/actor/actor.ts';
import { createTestDatabase } from './database.ts';

export interface TestOffice {
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  demo: DemoOffice;
  /** Use-case dependencies acting as the given demo login. */
  as(
    login: string,
  ): Promise<{ db: Database['db']; clock: ReturnType<typeof fixedClock>; actor: Actor }>;
}

/** One migrated database with the demo office per test file, on a fixed clock. */
export function useDemoOffice(startAt = '2026-03-02T09:00:00+01:00'): TestOffice {
  const context = {} as TestOffice;
  beforeAll(async () => {
    context.database = await createTestDatabase();
    context.clock = fixedClock(startAt);
    context.demo = await seedDemoOffice({ db: context.database.db, clock: context.clock });
    context.as = async (login) => ({
      db: context.database.db,
      clock: context.clock,
      actor: await context.demo.actor(login),
    });
  });
  afterAll(async () => {
    await context.database?.close();
  });
  return context;
}

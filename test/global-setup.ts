import fs from 'node:fs';
import { openPglite } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { pgliteTemplatePath } from './support/template.ts';

/** Migrates one embedded database and dumps it, so each test file starts from a copy (faster). */
export default async function setup() {
  if (process.env.OBIEG_TEST_DATABASE_URL) return;
  const file = pgliteTemplatePath();
  if (fs.existsSync(file)) return;
  const database = await openPglite();
  await migrateToLatest(database.db);
  const dump = await database.dump!();
  await database.close();
  fs.writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(`${file}.tmp`, file);
}

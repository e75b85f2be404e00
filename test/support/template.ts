import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const migrationsDir = fileURLToPath(new URL('../../src/migrations/', import.meta.url));

/** The migrated template database; named by the migrations' content, so never stale. */
export function templateDatabaseName(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsDir).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsDir, file)));
  }
  return `obieg_template_${hash.digest('hex').slice(0, 16)}`;
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const migrationsDir = fileURLToPath(new URL('../../src/migrations/', import.meta.url));

/** Where the migrated PGlite template lives; named by the migrations' content, so never stale. */
export function pgliteTemplatePath(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsDir).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsDir, file)));
  }
  return path.join(os.tmpdir(), `obieg-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

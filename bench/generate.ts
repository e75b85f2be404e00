/**
 * The data generator on its own: a region of town halls in a data directory (the embedded
 * PostgreSQL in DIR/pg, stopped at the end) or an external PostgreSQL database, ready for
 * `OBIEG_DATA_DIR=… node bin/obieg.js serve`.
 *
 *   npx tsx bench/generate.ts --data-dir /tmp/obieg-region --offices 2 --days 365
 *   npx tsx bench/generate.ts --data-dir /tmp/files --database-url postgres://…/obieg --days 30
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDiskFileStore } from '../src/platform/files/file-store.ts';
import { openBenchDatabase } from './bench-database.ts';
import { generateRegion } from './generator/generate-region.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    offices: { type: 'string', default: '1' },
    days: { type: 'string', default: '365' },
    'incoming-per-year': { type: 'string', default: '60000' },
    concurrency: { type: 'string' },
    'signers-per-unit': { type: 'string', default: '1' },
  },
});
if (!values['data-dir']) {
  console.error(
    'usage: tsx bench/generate.ts --data-dir DIR [--database-url URL] [--offices M] [--days D]',
  );
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir']);
const engine = values['database-url'] ? 'postgres' : 'embedded';
const concurrency = Number(values.concurrency ?? 6);
const database = await openBenchDatabase(
  { engine, dataDir, ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}) },
  concurrency + 4,
);
try {
  const result = await generateRegion({
    db: database.db,
    files: createDiskFileStore(path.join(dataDir, 'files'), 100 * 1024 * 1024),
    offices: Number(values.offices),
    days: Number(values.days),
    incomingPerYear: Number(values['incoming-per-year']),
    concurrency,
    signersPerUnit: Number(values['signers-per-unit']),
    end: new Date(),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await database.close();
}

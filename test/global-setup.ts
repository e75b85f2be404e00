import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { templateDatabaseName } from './support/template.ts';

/**
 * One PostgreSQL server for the whole run, and one migrated template database on it that each
 * test file copies (`create database … template …`, tens of milliseconds).
 *
 * The server is the embedded one that `npm start` runs (here with fsync off: it is thrown away at
 * the end, and a crash of the machine may lose what it holds), or, with OBIEG_TEST_DATABASE_URL,
 * the external PostgreSQL that .ci/run starts. Test files read the server's address from
 * OBIEG_TEST_DATABASE_URL, which the forked workers inherit.
 */
export default async function setup() {
  ensureOcrTools();
  let serverUrl = process.env.OBIEG_TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-test-pg-'));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      fsync: false,
      maxConnections: 300,
    });
    serverUrl = server.url('postgres');
    process.env.OBIEG_TEST_DATABASE_URL = serverUrl;
    stopServer = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await createTemplate(serverUrl);
  return stopServer;
}

async function createTemplate(serverUrl: string) {
  const name = templateDatabaseName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building}`);
    await admin.query(`create database ${building}`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const database = await openPostgres(url.toString(), 1);
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    await admin.query(`alter database ${building} rename to ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * The OCR tests run Debian's tesseract and poppler-utils: scripts/ensure-ocr.sh installs what is
 * missing (as root, like ensure-chromium.sh for the browser tests) and says what to install
 * otherwise; only the OCR tests need them, so the other tests run either way.
 */
function ensureOcrTools() {
  const root = new URL('../', import.meta.url);
  const result = spawnSync('bash', ['scripts/ensure-ocr.sh'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.warn('OCR tests need tesseract-ocr and poppler-utils.');
}

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/platform/clock.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadActor } from '../src/modules/org/actor-loader.ts';
import { createOffice } from '../src/modules/org/org.usecases.ts';
import { addTrustAnchor } from '../src/modules/signatures/signing-credentials.usecases.ts';
import { childEnv, createProcessDatabase } from './support/process-database.ts';

/**
 * `obieg channel import FILE.xml`: an office brings in a message saved from its ePUAP box. The
 * UPP saved beside it (FILE.upp.xml) gives the received time.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const database = await createProcessDatabase();
afterAll(() => database.drop());

describe('obieg channel import', () => {
  it(
    'registers a saved ePUAP general letter, prints its RPW number and signature report, and registers nothing the second time',
    { timeout: 180_000 },
    async () => {
      const setup = await database.open();
      await migrateToLatest(setup.db);
      const office = await createOffice(
        { db: setup.db, clock: systemClock },
        {
          code: 'um-demo',
          name: 'Urząd Miasta Demo',
          rootUnit: { symbol: 'UM', name: 'Urząd Miasta Demo' },
          admin: { login: 'admin', name: 'Administrator', password: 'haslo-administratora' },
        },
      );
      const actor = (await loadActor(setup.db, office.adminId, '2026-01-01'))!;
      await addTrustAnchor(
        { db: setup.db, clock: systemClock, actor },
        new Uint8Array(fs.readFileSync(new URL('fixtures/epuap-test-ca.pem', import.meta.url))),
      );
      await setup.close();

      const importFile = () =>
        run(
          process.execPath,
          [
            'bin/obieg.js',
            'channel',
            'import',
            'test/fixtures/epuap-pismo-ogolne.xml',
            '--office',
            'um-demo',
          ],
          { cwd: root, env: childEnv(database, { LOG_LEVEL: 'warn' }) },
        );
      const first = (await importFile()).stdout;
      expect(first).toMatch(/Zarejestrowano \/ registered: RPW\/1\/\d{4}/);
      expect(first).toContain(
        'Wpływ / received: 2026-02-27T20:14:31.000Z (UPP: test/fixtures/epuap-pismo-ogolne.upp.xml)',
      );
      expect(first).toContain(
        'Nadawca / sender: Jan Kowalski, ul. Wojska Polskiego 12/4, 72-600 Świnoujście, Polska',
      );
      expect(first).toContain(
        'Tytuł / title: Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
      );
      expect(first).toMatch(/potwierdzenie-oplaty-skarbowej\.pdf \(application\/pdf, \d+ B\)/);
      expect(first).toContain(
        'epuap-pismo-ogolne.xml: WAŻNY / valid (xades-bes, integralność: ok)',
      );
      expect(first).toContain(
        'podpisujący / signer: SERIALNUMBER=PNOPL-80010112345, CN=Jan Kowalski, C=PL',
      );
      expect(first).toContain('łańcuch / chain: trusted');
      expect(first).toContain('epuap-pismo-ogolne.upp.xml: WAŻNY / valid');

      const second = (await importFile()).stdout;
      expect(second).toMatch(/już zarejestrowano: RPW\/1\/\d{4} – nic nowego nie zarejestrowano/);

      const check = await database.open();
      const items = await check.db
        .selectFrom('incoming_items')
        .select(['rpw_sign', 'channel'])
        .execute();
      await check.close();
      expect(items).toEqual([{ rpw_sign: expect.stringMatching(/^RPW\/1\//), channel: 'epuap' }]);
    },
  );
});

import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { registerIncomingWithFiles } from '../../src/modules/incoming/incoming.usecases.ts';
import { runOcrWorker } from '../../src/modules/ocr/ocr.worker.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { buildIncoming } from '../support/factories.ts';
import { launchChromium } from '../support/chromium.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { scannedLetter } from '../support/scanned-letter.ts';
import { expectAccessible, signInToStaffApp } from '../support/staff-browser.ts';

// The kancelaria's view of a scanned letter once OCR has read it in the background: the status
// with its confidence, the PESEL and NIP proposed from the text (one click to accept or dismiss)
// and a re-run. axe-core on the screen.
let server: DemoServer;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page || page.isClosed()) return;
  const shot = path.join(os.tmpdir(), 'obieg-ocr-failure.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.error(
    `at ${page.url()}: ${(await page.getByRole('alert').allTextContents()).join(' | ')} (${shot})`,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('OCR on the letter screen, in Chromium', () => {
  test('the kancelaria sees the reading of a scan, accepts the PESEL, dismisses the NIP and reads it again', async () => {
    const { png } = await scannedLetter([
      'Wniosek o zezwolenie na wycinkę drzew',
      'Wnioskodawca: Grzegorz Kowalczyk, PESEL 44051401359',
      'NIP 123-456-32-18',
    ]);
    const kancelaria = { ...(await server.as('kancelaria')), files: server.files };
    const letter = await registerIncomingWithFiles(
      kancelaria,
      buildIncoming({ title: 'Wniosek o wycinkę drzew (skan)' }),
      [{ name: 'skan.png', content: png }],
    );
    const deps = { db: server.db, clock: systemClock, files: server.files };
    const options = {
      workers: 1,
      timeoutMs: 60_000,
      maxAttempts: 3,
      retryBaseMs: 60_000,
      dpi: 200,
      languages: 'pol+eng',
    };
    expect(await runOcrWorker(deps, options)).toMatchObject({ finished: 1 });

    page = await signInToStaffApp(browser, server.url, 'kancelaria');
    await page.goto(`${server.url}/incoming/${letter.id}`);
    const reading = page.getByRole('region', { name: 'Rozpoznawanie tekstu (OCR)' });
    await reading.getByText('odczytano').waitFor();
    await reading.getByText(/pewność \d+/).waitFor();
    await expectAccessible(page, 'letter with its OCR reading and proposals');

    await reading.getByRole('button', { name: 'Przyjmij 44051401359 jako dane nadawcy' }).click();
    await page
      .getByRole('region', { name: 'Przesyłka', exact: true })
      .getByText('44051401359')
      .waitFor();
    await reading.getByRole('button', { name: 'Odrzuć propozycję 1234563218' }).click();
    await reading.getByText('Brak propozycji do rozpatrzenia.').waitFor();

    await reading.getByRole('button', { name: 'Rozpoznaj ponownie tekst pliku skan.png' }).click();
    await reading.getByText('w kolejce').waitFor();
  });

  test('the register lists a page in OCR quarantine, linked to its letter', async () => {
    const { png } = await scannedLetter(['Uszkodzony skan']);
    const kancelaria = { ...(await server.as('kancelaria')), files: server.files };
    const letter = await registerIncomingWithFiles(
      kancelaria,
      buildIncoming({ title: 'Uszkodzony skan' }),
      [{ name: 'uszkodzony.png', content: png.slice(0, 120) }],
    );
    const deps = { db: server.db, clock: systemClock, files: server.files };
    // No wait between attempts here: three failed attempts quarantine the page.
    const options = {
      workers: 1,
      timeoutMs: 60_000,
      maxAttempts: 3,
      retryBaseMs: 0,
      dpi: 200,
      languages: 'pol+eng',
    };
    for (let attempt = 0; attempt < 3; attempt += 1) await runOcrWorker(deps, options);

    page = await signInToStaffApp(browser, server.url, 'kancelaria');
    await page.goto(`${server.url}/incoming`);
    const quarantine = page.getByRole('region', { name: /Kwarantanna OCR/ });
    await quarantine.getByRole('cell', { name: 'uszkodzony.png' }).waitFor();
    await expectAccessible(page, 'register with the OCR quarantine');
    await quarantine.getByRole('link', { name: letter.rpwNumber }).click();
    await page
      .getByRole('region', { name: 'Rozpoznawanie tekstu (OCR)' })
      .getByText('Strona 1 w kwarantannie po 3 próbach:')
      .waitFor();
  });
});

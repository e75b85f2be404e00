import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { DEFAULT_PORTAL_SETTINGS } from '../../src/modules/portal/portal-account.ts';
import { getCaseRecord } from '../../src/modules/cases/case-record.usecases.ts';
import { loadTrustAnchors } from '../../src/modules/signatures/signing-credentials.usecases.ts';
import { verifySignatures } from '../../src/modules/signatures/verify-signatures.ts';
import { readDocumentVersion } from '../../src/modules/documents/documents.usecases.ts';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import {
  describeViolations,
  launchChromium,
  seriousAccessibilityViolations,
} from '../support/chromium.ts';
import { useDemoOffice } from '../support/context.ts';
import {
  createTestIdentityProvider,
  createTestServiceProvider,
  decideCaseAsStaff,
  openCaseAsStaff,
  SAMPLE_PDF,
  testFileStore,
} from './portal-support.ts';

// The "Must show" for the portal: a citizen signs in through the (test) national node on
// a phone, applies with an attachment and gets the acknowledgement; the office assigns, opens the
// case and decides it; the citizen watches the status move, downloads the decision, and the case
// records the delivery and the appeal term. axe-core checks every portal screen on the way.
const office = useDemoOffice('2026-03-02T09:15:00+01:00');
const files = testFileStore('browser');
const PHONE = { width: 390, height: 844 };

type Server = ReturnType<typeof serve>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let portalUrl = '';
const servers: Server[] = [];
const flow = {
  submissionId: '',
  incomingId: '',
  caseId: '',
  caseSign: '',
  outgoingId: '',
  documentId: '',
};

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
    servers.push(server);
  });
}

beforeAll(async () => {
  const idp = await createTestIdentityProvider();
  const idpUrl = await listen((request) => idp.app.fetch(request));
  const app = createApp(
    {
      db: office.database.db,
      clock: office.clock,
      files,
      logger: pino({ level: 'silent' }),
      sessionHours: 12,
    },
    {
      maxBodyBytes: 20 << 20,
      portal: {
        settings: DEFAULT_PORTAL_SETTINGS,
        identityProvider: createTestServiceProvider(
          { db: office.database.db, clock: office.clock },
          idpUrl,
          idp,
        ),
        demoIdentityProvider: null,
        trustProxy: false,
      },
    },
  );
  portalUrl = `${await listen(app.fetch)}/portal`;
  browser = await launchChromium();
  // axe is injected as a script: the portal's CSP (script-src 'none') would rightly refuse it.
  context = await browser.newContext({
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: PHONE,
    bypassCSP: true,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function expectAccessible(screen: string) {
  const violations = await seriousAccessibilityViolations(page);
  expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
  // Reflow (WCAG 1.4.10): nothing wider than the phone.
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width, `${screen} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
}

async function heading(name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Through the test identity provider as Jan Kowalski (its first, preselected person). */
async function signInThroughIdp() {
  await page.getByRole('heading', { name: 'Demonstracyjny dostawca tożsamości' }).waitFor();
  await page.getByRole('button', { name: 'Zaloguj i wróć do portalu' }).click();
}

describe('a citizen deals with the office through the portal, on a phone', () => {
  test('signs in through the national node (test identity provider)', async () => {
    await page.goto(portalUrl);
    await heading('Załatw sprawę w urzędzie przez internet');
    await expectAccessible('start page');
    await page.getByRole('link', { name: 'Zaloguj się przez login.gov.pl (test)' }).click();
    await signInThroughIdp();
    await heading('Moje sprawy');
    expect(await page.getByText('Zalogowano:').textContent()).toContain('Jan Kowalski');
  });

  test('submits an application with an attachment, correcting a mistake, and gets the acknowledgement', async () => {
    await page.getByRole('link', { name: 'Załatw sprawę' }).click();
    await page.getByRole('link', { name: 'Wniosek w sprawie podatku od nieruchomości' }).click();
    await heading('Wniosek w sprawie podatku od nieruchomości');
    await expectAccessible('form');
    await page.getByLabel('Ulica, numer domu i lokalu').fill('ul. Wojska Polskiego 1/5');
    await page.getByLabel('Kod pocztowy').fill('72600');
    await page.getByLabel('Miejscowość').fill('Świnoujście');
    await page
      .getByLabel('Czego dotyczy wniosek')
      .selectOption({ label: 'rozłożenie podatku lub zaległości na raty' });
    await page
      .getByLabel('Adres lub położenie nieruchomości')
      .fill('ul. Wojska Polskiego 1, Świnoujście');
    await page
      .getByLabel('Uzasadnienie wniosku')
      .fill('Wnoszę o rozłożenie podatku za 2026 r. na cztery raty.');
    await page.getByLabel(/Dołącz pliki/).setInputFiles({
      name: 'IN-1.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(SAMPLE_PDF),
    });
    await page.getByRole('button', { name: 'Wyślij wniosek' }).click();

    await page.getByRole('heading', { name: 'Popraw błędy w formularzu' }).waitFor();
    await expectAccessible('form with errors');
    await page.getByRole('link', { name: /Kod pocztowy:/ }).click();
    await page.getByLabel('Kod pocztowy').fill('72-600');
    // The browser does not keep a chosen file across a page load: the citizen attaches it again.
    await page.getByLabel(/Dołącz pliki/).setInputFiles({
      name: 'IN-1.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(SAMPLE_PDF),
    });
    await page.getByRole('button', { name: 'Wyślij wniosek' }).click();

    await page.getByRole('heading', { name: 'Wniosek został złożony' }).waitFor();
    await expectAccessible('acknowledgement');
    expect(await page.getByRole('status').textContent()).toContain('RPW/1/2026');
    expect(await page.getByText('Status:').textContent()).toContain('Przekazane do wydziału');
    flow.submissionId = /\/portal\/sprawy\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Potwierdzenie złożenia pisma (PDF)' }).click(),
    ]);
    const receiptPdf = await readFile((await pdfDownload.path())!);
    const receiptText = (await extractPdfText(new Uint8Array(receiptPdf))).pages.join(' ');
    expect(receiptText).toContain('RPW/1/2026');
    const code = (await page.locator('.code').textContent())!.trim();
    expect(receiptText).toContain(code);

    const [xmlDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Potwierdzenie złożenia pisma z pieczęcią/ }).click(),
    ]);
    const receiptXml = await readFile((await xmlDownload.path())!);
    const [report] = await verifySignatures(new Uint8Array(receiptXml), undefined, {
      trustAnchors: await loadTrustAnchors(office.database.db, office.demo.officeId),
    });
    expect(report).toMatchObject({ valid: true, integrity: 'ok' });

    const submission = await office.database.db
      .selectFrom('portal_submissions')
      .select(['incoming_id'])
      .where('id', '=', flow.submissionId)
      .executeTakeFirstOrThrow();
    flow.incomingId = submission.incoming_id!;
  });

  test('sees the status move as the office assigns the application and opens the case', async () => {
    // Within the citizen's 30 minutes of session.
    office.clock.set('2026-03-02T09:35:00+01:00');
    Object.assign(flow, await openCaseAsStaff(office, files, flow.incomingId));
    await page.reload();
    expect(await page.getByText('Status:').textContent()).toContain('W toku');
    const summary = (await page.locator('dl.summary').textContent())!.replace(/\s+/g, ' ');
    expect(summary).toContain(flow.caseSign);
    expect(summary).toContain('2 kwietnia 2026 r.');
    await expectAccessible('matter in progress');
  });

  test('comes back days later, finds the decision, downloads it, and the case records the delivery and the appeal term', async () => {
    office.clock.set('2026-03-04T15:00:00+01:00');
    Object.assign(flow, await decideCaseAsStaff(office, files, flow.caseId));

    // Days later: the portal session has ended, so the citizen signs in again.
    office.clock.set('2026-03-05T18:30:00+01:00');
    await page.goto(`${portalUrl}/sprawy`);
    await signInThroughIdp();
    await heading('Moje sprawy');
    expect(await page.getByRole('table').textContent()).toContain('Nowe pisma z urzędu: 1');
    await expectAccessible('my matters');
    await page.getByRole('link', { name: 'Wniosek w sprawie podatku od nieruchomości' }).click();
    expect(await page.getByText('Status:').textContent()).toContain('Wydano rozstrzygnięcie');
    await expectAccessible('matter with a letter');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Pobierz pismo/ }).click(),
    ]);
    const letter = await readFile((await download.path())!);
    const staff = { ...(await office.as('referent.fn')), files };
    const version = await readDocumentVersion(staff, flow.documentId);
    expect(Buffer.compare(letter, Buffer.from(version.content))).toBe(0);

    await page.reload();
    expect(await page.getByText('Status:').textContent()).toContain('Rozstrzygnięcie doręczone');
    const summary = (await page.locator('dl.summary').textContent())!.replace(/\s+/g, ' ');
    expect(summary).toContain('5 marca 2026 r.');
    expect(summary).toContain('termin na odwołanie upływa 19 marca 2026 r.');

    const record = await getCaseRecord(staff, flow.caseId);
    const delivered = record.rows.find((row) => row.action === 'outgoing.delivered');
    expect(delivered?.description).toContain('w dniu 2026-03-05: potwierdzenie odbioru w portalu');
    expect(delivered?.description).toContain('termin na odwołanie (14d) upływa 2026-03-19');
    expect(String(delivered?.at)).toContain('2026-03-05');
  });

  test('a paper applicant checks the status with the case signature and access code, and a wrong code shows nothing', async () => {
    const item = await office.database.db
      .selectFrom('incoming_items')
      .select('access_code')
      .where('id', '=', flow.incomingId)
      .executeTakeFirstOrThrow();
    const anonymous = await browser.newContext({
      viewport: PHONE,
      bypassCSP: true,
      locale: 'pl-PL',
    });
    const visitor = await anonymous.newPage();
    page = visitor;
    await visitor.goto(`${portalUrl}/status`);
    await heading('Sprawdź status sprawy');
    await visitor.getByLabel('Znak sprawy lub numer RPW').fill(flow.caseSign);
    await visitor.getByLabel('Kod dostępu').fill('AAAAA-AAAAA');
    await visitor.getByRole('button', { name: 'Sprawdź' }).click();
    await visitor.getByRole('heading', { name: 'Nie udało się sprawdzić statusu' }).waitFor();
    expect(await visitor.content()).not.toContain('Rozstrzygnięcie doręczone');
    await visitor.getByLabel('Kod dostępu').fill(item.access_code!.toLowerCase());
    await visitor.getByRole('button', { name: 'Sprawdź' }).click();
    await visitor.getByRole('heading', { name: /Status:/ }).waitFor();
    expect(await visitor.getByRole('heading', { name: /Status:/ }).textContent()).toContain(
      'Rozstrzygnięcie doręczone',
    );
    expect(await visitor.content()).not.toContain('Jan Kowalski');
    await expectAccessible('status lookup');
    await anonymous.close();
  });
});

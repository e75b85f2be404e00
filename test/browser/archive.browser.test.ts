import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { launchChromium } from '../support/chromium.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { expectAccessible, signInToStaffApp } from '../support/staff-browser.ts';

// The archive in the staff application over six years of a settable clock: FN's cases closed
// in 2025 are handed over in January 2028 (two full years), the archivist checks and accepts
// them, a clerk borrows one and returns it; in 2031 (B5: five full years from 1 January 2026)
// they are listed for disposal, the state archive's consent is recorded, they are destroyed
// with a protocol, and their content is gone while the metadata and the protocol remain.
const clock = fixedClock('2025-04-01T09:00:00+02:00');
const TITLES = ['Materiały do projektu budżetu na 2026 r.', 'Korekta planu finansowego 2025'];

let server: DemoServer;
let browser: Browser;
const pages = new Map<string, Page>();
const cases: Array<{ id: string; sign: string; documentId: string }> = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer({ clock }), launchChromium()]);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const [login, page] of pages) {
    if (page.isClosed()) continue;
    const alerts = await page.getByRole('alert').allTextContents();
    const shot = path.join(os.tmpdir(), `obieg-archive-failure-${login}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.error(`${login} at ${page.url()}: ${alerts.join(' | ') || 'no alert'} (${shot})`);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Sessions last hours: after the clock moves by years, everyone signs in again. */
async function signIn(login: string): Promise<Page> {
  await pages.get(login)?.context().close();
  const page = await signInToStaffApp(browser, server.url, login);
  pages.set(login, page);
  return page;
}

async function openArchive(page: Page) {
  await page
    .getByRole('navigation', { name: 'Menu główne' })
    .getByRole('link', { name: 'Archiwum' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Archiwum zakładowe' }).waitFor();
}

/** The API as a demo login, for what the walk-through is not about (opening the cases). */
async function apiAs(login: string) {
  const signedIn = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo' }),
  });
  const { token } = (await signedIn.json()) as { token: string };
  return (url: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${url}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
      },
    });
}

async function searchHits(as: Awaited<ReturnType<typeof apiAs>>, q: string) {
  const found = await as(`/search?q=${encodeURIComponent(q)}`);
  expect(found.status).toBe(200);
  return ((await found.json()) as unknown[]).length;
}

describe('the archive screens, in Chromium', () => {
  test('a clerk closes two FN cases with a document each in 2025', async () => {
    const referent = await apiAs('referent.fn');
    const kierownik = await apiAs('kierownik.fn');
    for (const title of TITLES) {
      const opened = await referent('/cases', {
        method: 'POST',
        body: JSON.stringify({ unitId: server.demo.units.FN, jrwaSymbol: '3010', title }),
      });
      expect(opened.status).toBe(201);
      const kase = (await opened.json()) as { id: string; sign: string };
      const form = new FormData();
      form.append('kind', 'note');
      form.append('title', `Notatka: ${title}`);
      form.append('access', 'public');
      form.append('file', new File([new TextEncoder().encode(`treść ${title}`)], 'notatka.txt'));
      const added = await referent(`/cases/${kase.id}/documents`, { method: 'POST', body: form });
      expect(added.status).toBe(201);
      const { id: documentId } = (await added.json()) as { id: string };
      // A draft is resolved before closing: the unit head approves the note.
      const sent = await referent(`/documents/${documentId}/approval`, {
        method: 'POST',
        body: JSON.stringify({ steps: [{ approverIds: [server.demo.people['kierownik.fn']] }] }),
      });
      expect(sent.status, await sent.text()).toBe(201);
      const tasks = (await (await kierownik('/approvals/mine')).json()) as Array<{
        id: string;
        documentId: string;
      }>;
      const task = tasks.find((t) => t.documentId === documentId)!;
      const approved = await kierownik(`/approval-tasks/${task.id}/decision`, {
        method: 'POST',
        body: JSON.stringify({ decision: 'approve' }),
      });
      expect(approved.status, await approved.text()).toBe(200);
      const closed = await referent(`/cases/${kase.id}/close`, { method: 'POST' });
      expect(closed.status, await closed.text()).toBe(200);
      cases.push({ ...kase, documentId });
    }
    await server.indexSearch();
    expect(await searchHits(referent, 'treść')).toBeGreaterThan(0);
  });

  test('in January 2028 the unit head prepares the hand-over list and submits it', async () => {
    clock.set('2028-01-10T09:00:00+01:00');
    const page = await signIn('kierownik.fn');
    await openArchive(page);
    await page.getByLabel('Klasa JRWA').fill('3010');
    await page.getByLabel('Rok spraw').fill('2025');
    await page.getByRole('button', { name: 'Sporządź spis zdawczo-odbiorczy' }).click();
    const list = page.getByRole('article');
    for (const kase of cases) await list.getByRole('cell', { name: kase.sign }).waitFor();
    await expectAccessible(page, 'archive: hand-over list (unit head)');
    await list.getByRole('button', { name: 'Przekaż spis do archiwum' }).click();
    await list.getByText('przekazany do archiwum').waitFor();
    await expect(
      page.getByRole('region', { name: 'Brakowanie dokumentacji niearchiwalnej' }).count(),
    ).resolves.toBe(0);
  });

  test('the archivist checks the list and accepts the records', async () => {
    const page = await signIn('archiwista');
    await openArchive(page);
    await page
      .getByRole('button', { name: /^SZO\// })
      .first()
      .click();
    const list = page.getByRole('article');
    await list.getByRole('heading', { name: 'Wynik sprawdzenia' }).waitFor();
    await expectAccessible(page, 'archive: checking a hand-over list');
    await list.getByRole('button', { name: 'Przyjmij akta do archiwum' }).click();
    await list.getByText('przyjęty').waitFor();
    const register = page.getByRole('region', { name: 'Ewidencja akt' });
    await register.getByLabel('Klasa JRWA').fill('3010');
    await register.getByRole('button', { name: 'Szukaj' }).click();
    await register.getByRole('table', { name: 'Znalezione akta: 2' }).waitFor();
    await expectAccessible(page, 'archive: register search');
  });

  test('a clerk borrows a case from the archive, sees the due date, and it is returned', async () => {
    const clerk = await signIn('referent.fn');
    await clerk.goto(`${server.url}/cases/${cases[0]!.id}`);
    const request = clerk.getByRole('region', { name: 'Udostępnienie z archiwum' });
    await request.getByLabel('Rodzaj').selectOption('loan');
    await request.getByLabel('Cel udostępnienia').fill('Kontrola RIO');
    await request.getByRole('button', { name: 'Wyślij wniosek do archiwisty' }).click();
    await request.getByText('Wysłano wniosek').waitFor();

    const archivist = pages.get('archiwista')!;
    await archivist.reload();
    await archivist.getByLabel('Termin zwrotu').fill('2028-02-10');
    await archivist.getByRole('button', { name: `Udostępnij akta ${cases[0]!.sign}` }).click();
    await archivist.getByRole('button', { name: `Odnotuj zwrot akt ${cases[0]!.sign}` }).waitFor();

    await openArchive(clerk);
    await clerk.getByText('Termin zwrotu: 2028-02-10').waitFor();
    await expectAccessible(clerk, 'archive: my loans (clerk)');

    await archivist.getByRole('button', { name: `Odnotuj zwrot akt ${cases[0]!.sign}` }).click();
    await archivist.getByText('zwrócono').waitFor();
  });

  test('in 2031 the B5 records are destroyed with consent and a protocol; metadata remain', async () => {
    clock.set('2031-01-15T09:00:00+01:00');
    const page = await signIn('archiwista');
    await openArchive(page);
    await page.getByLabel('Rok spisu').fill('2031');
    await page.getByRole('button', { name: 'Sporządź spis dokumentacji niearchiwalnej' }).click();
    const list = page.getByRole('article');
    // The list stays among the office's lists, to come back to after the commission meets.
    await page
      .getByRole('region', { name: 'Sporządzone spisy' })
      .getByRole('button', { name: /^Otwórz spis .* \(2 poz\.\)$/ })
      .waitFor();
    for (const kase of cases) {
      await list.getByLabel(`Stanowisko komisji dla ${kase.sign}`).selectOption('destroy');
    }
    await expectAccessible(page, 'archive: disposal list (commission)');
    await list.getByRole('button', { name: 'Zapisz stanowisko komisji' }).click();
    await list.getByRole('button', { name: 'Wyślij spis do archiwum państwowego' }).click();
    await list.getByText('czeka na zgodę archiwum państwowego').waitFor();
    await list.getByLabel('Numer pisma ze zgodą').fill('AP.4231.3.2031');
    await list.getByLabel('Data zgody').fill('2031-01-14');
    await list.getByLabel('Skan pisma ze zgodą').setInputFiles({
      name: 'zgoda.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 zgoda'),
    });
    await list.getByRole('button', { name: 'Zapisz zgodę archiwum państwowego' }).click();
    await list.getByRole('button', { name: 'Zniszcz akta i sporządź protokół' }).click();
    await list.getByText('Protokół zniszczenia i zgoda są przechowywane wieczyście.').waitFor();
    await expect(list.getByRole('cell', { name: /^zniszczono/ }).count()).resolves.toBe(2);

    const archivist = await apiAs('archiwista');
    for (const kase of cases) {
      expect((await archivist(`/documents/${kase.documentId}/content`)).status).toBe(410);
    }
    const holdings = (await (
      await archivist('/archive/holdings?jrwaSymbol=3010')
    ).json()) as Array<{
      sign: string;
    }>;
    expect(holdings.map((h) => h.sign).sort()).toEqual(cases.map((c) => c.sign).sort());
    // The index itself, not a search: the clerk's search would also come back empty because
    // the cases left the unit's custody at the hand-over.
    await server.indexSearch();
    const indexed = await server.db
      .selectFrom('search_entries')
      .select(['subject_id', 'body'])
      .where(
        'subject_id',
        'in',
        cases.map((kase) => kase.documentId),
      )
      .execute();
    expect(indexed.filter((entry) => entry.body.includes('treść'))).toEqual([]);
  });
});

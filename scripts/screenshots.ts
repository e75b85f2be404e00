// `npm run screenshots`: starts the app like the browser tests (real server on 127.0.0.1, a fresh
// database with the demo office and its morning's mail), adds a little more work through the API,
// and saves PNGs of the main screens to docs/screenshots/ (1280 px wide; approvals on a phone).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.ts';
import { startDemoServer, type DemoServer } from '../test/support/demo-server.ts';
import { signInToStaffApp } from '../test/support/staff-browser.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = path.join(root, 'docs', 'screenshots');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

interface Created {
  id: string;
}

/** A demo person's API session, for preparing what the screenshots show. */
async function apiAs(server: DemoServer, login: string) {
  const call = async <T>(method: string, url: string, token: string | null, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok)
      throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { token } = await call<{ token: string }>('POST', '/auth/login', null, {
    login,
    password: 'demo',
  });
  return {
    get: <T>(url: string) => call<T>('GET', url, token),
    post: (url: string, body: unknown = {}) => call<Created>('POST', url, token, body),
    put: (url: string, body: unknown) => call<Created>('PUT', url, token, body),
    upload: async (url: string, name: string, content: Uint8Array) => {
      const form = new FormData();
      form.append('file', new File([content], name, { type: 'application/pdf' }));
      const response = await fetch(`${server.url}/api/v1${url}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      });
      if (!response.ok) throw new Error(`upload ${url}: ${response.status}`);
    },
  };
}

/** A case with a deadline, an approved and dispatched letter, and a certificate in approval. */
async function prepareWork(server: DemoServer) {
  const referent = await apiAs(server, 'referent.fn');
  const kierownik = await apiAs(server, 'kierownik.fn');
  const kancelaria = await apiAs(server, 'kancelaria');
  const kierownikId = server.demo.people['kierownik.fn'];

  const [kase] = await referent.get<Created[]>('/cases?mine=true&status=open');
  if (!kase) throw new Error('the demo activity has no case for referent.fn');
  await referent.put(`/cases/${kase.id}/deadline`, { kind: 'one_month' });

  const draftLetter = async (title: string, content: string) => {
    const draft = await referent.post(`/cases/${kase.id}/documents/from-template`, {
      templateCode: 'letter',
      title,
      fields: { content },
    });
    await referent.post(`/documents/${draft.id}/approval`, {
      steps: [{ kind: 'approve', approverIds: [kierownikId] }],
    });
    return draft;
  };
  const letter = await draftLetter(
    'Wezwanie do uzupełnienia wniosku',
    'Prosimy o wskazanie celu, w jakim zaświadczenie ma zostać wydane.',
  );
  const notice = await draftLetter(
    'Informacja dla Urzędu Skarbowego',
    'Uprzejmie informujemy o wszczęciu postępowania w sprawie wydania zaświadczenia.',
  );
  for (const task of await kierownik.get<Created[]>('/approvals/mine')) {
    await kierownik.post(`/approval-tasks/${task.id}/decision`, { decision: 'approve' });
  }
  await referent.post(`/documents/${letter.id}/sign`, { credential: 'personal', password: 'demo' });
  const outgoing = await referent.post('/outgoing', {
    documentId: letter.id,
    addressee: {
      name: 'Jan Kowalski',
      address: { street: 'ul. Lipowa 5', postalCode: '00-950', town: 'Demo', country: 'Polska' },
    },
    method: 'post_return_receipt',
    postalClass: 'priority',
    costGrosz: 1150,
  });
  await kancelaria.post(`/outgoing/${outgoing.id}/sent`);
  // An approved paper letter waits on the postal list.
  await referent.post('/outgoing', {
    documentId: notice.id,
    addressee: {
      name: 'Urząd Skarbowy w Demo',
      address: { street: 'ul. Skarbowa 2', postalCode: '00-960', town: 'Demo', country: 'Polska' },
    },
    method: 'post',
    postalClass: 'economy',
    costGrosz: 850,
  });

  const certificate = await referent.post(`/cases/${kase.id}/documents/from-template`, {
    templateCode: 'certificate',
    title: 'Zaświadczenie o niezaleganiu w podatkach',
    fields: {
      statement: 'Jan Kowalski nie posiada zaległości podatkowych wobec Gminy Demo.',
      purpose: 'przetargu publicznego',
      fee: '17 zł',
    },
  });
  await referent.post(`/documents/${certificate.id}/approval`, {
    steps: [{ kind: 'approve', approverIds: [kierownikId] }],
  });

  // A fresh letter for the head of Finance to assign.
  const item = await kancelaria.post('/incoming', {
    title: 'Wniosek o rozłożenie na raty zaległości w podatku od nieruchomości',
    sender: {
      name: 'Ewa Mazur',
      address: { street: 'ul. Ogrodowa 8', postalCode: '00-954', town: 'Demo', country: 'Polska' },
    },
    receivedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    channel: 'paper',
    attachmentsCount: 2,
  });
  await kancelaria.upload(`/incoming/${item.id}/attachments`, 'skan-wniosku.pdf', await scan());
  await kancelaria.post(`/incoming/${item.id}/assignments`, { unitId: server.demo.units.FN });
  return { caseId: kase.id, incomingId: item.id };
}

/** A one-page "scan" of the letter. */
async function scan(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Ewa Mazur, ul. Ogrodowa 8, 00-954 Demo', { x: 60, y: 770, size: 11, font });
  page.drawText('Urzad Miasta Demo', { x: 380, y: 700, size: 12, font });
  page.drawText('Wniosek o rozlozenie zaleglosci na raty', { x: 60, y: 620, size: 15, font });
  page.drawText('Zwracam sie z prosba o rozlozenie na 6 rat zaleglosci', {
    x: 60,
    y: 580,
    size: 11,
    font,
  });
  page.drawText('w podatku od nieruchomosci za rok 2026.', { x: 60, y: 564, size: 11, font });
  return doc.save();
}

const signIn = (browser: Browser, server: DemoServer, login: string, viewport = DESKTOP) =>
  signInToStaffApp(browser, server.url, login, { viewport, timeoutMs: 15_000, scale: 1 });

let lastPage: Page | null = null;

async function shot(page: Page, name: string) {
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  await page.mouse.move(0, 0);
  // No blinking caret or focus ring on a heading in the pictures.
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${path.relative(root, file)}`);
}

/** Scrolls so that the element sits just below the top of the window. */
async function scrollTo(page: Page, target: Locator) {
  const box = await target.boundingBox();
  if (box) await page.evaluate(`window.scrollBy(0, ${Math.round(box.y - 16)})`);
}

async function visit(page: Page, server: DemoServer, url: string, heading: string | RegExp) {
  lastPage = page;
  await page.goto(server.url + url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function main() {
  const build = spawnSync(process.execPath, ['web/scripts/build-if-stale.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('web/dist could not be built');
  mkdirSync(outDir, { recursive: true });
  const [server, browser] = await Promise.all([
    startDemoServer({ activity: true }),
    launchChromium(),
  ]);
  try {
    const work = await prepareWork(server);
    console.log(`Screenshots of ${server.url} → docs/screenshots/`);

    const guest = await browser.newPage({ viewport: DESKTOP });
    await guest.goto(server.url);
    await guest.getByRole('heading', { level: 1, name: 'Logowanie' }).waitFor();
    await shot(guest, '01-login');

    const kierownik = await signIn(browser, server, 'kierownik.fn');
    await shot(kierownik, '02-desk');

    const kancelaria = await signIn(browser, server, 'kancelaria');
    await visit(kancelaria, server, '/incoming/new', 'Rejestracja przesyłki wpływającej');
    await kancelaria.getByLabel('Tytuł (czego dotyczy)').fill('Wniosek o wydanie decyzji');
    await kancelaria.getByLabel('Nadawca (imię i nazwisko lub nazwa)').fill('Adam Lewandowski');
    await shot(kancelaria, '03-register-letter');
    await visit(kancelaria, server, '/incoming', 'Rejestr przesyłek wpływających (RPW)');
    await shot(kancelaria, '04-incoming-register');
    await visit(kancelaria, server, `/incoming/${work.incomingId}`, /^Przesyłka RPW/);
    await kancelaria.getByRole('button', { name: 'Podgląd pliku skan-wniosku.pdf' }).click();
    await kancelaria.locator('.preview iframe').waitFor();
    await kancelaria.setViewportSize({ width: DESKTOP.width, height: 1400 });
    await kancelaria.waitForTimeout(5000);
    await shot(kancelaria, '05-incoming-item');
    await kancelaria.setViewportSize(DESKTOP);

    const referent = await signIn(browser, server, 'referent.fn');
    await visit(referent, server, `/cases/${work.caseId}`, /^Sprawa FN/);
    await referent.getByRole('heading', { level: 3 }).first().waitFor();
    await shot(referent, '06-case');
    await referent.locator('summary', { hasText: 'Utwórz projekt z szablonu' }).click();
    const draft = referent.getByRole('form', { name: 'Utwórz projekt z szablonu' });
    await draft.getByLabel('Szablon').selectOption({ label: 'Decyzja administracyjna (decyzja)' });
    await draft
      .getByLabel('Podstawa prawna (przepis szczególny)')
      .fill('art. 67a § 1 pkt 2 Ordynacji podatkowej');
    await draft.getByLabel('Rozstrzygnięcie').fill('Rozkładam zaległość na 6 rat miesięcznych.');
    await scrollTo(referent, referent.locator('summary', { hasText: 'Utwórz projekt z szablonu' }));
    await shot(referent, '07-drafting');
    await scrollTo(referent, referent.getByRole('heading', { level: 2, name: 'Metryka sprawy' }));
    await shot(referent, '08-case-record');

    const phone = await signIn(browser, server, 'kierownik.fn', PHONE);
    await visit(phone, server, '/approvals', 'Akceptacje');
    await shot(phone, '09-approval-phone');

    await visit(kancelaria, server, '/outgoing', 'Wysyłka');
    await shot(kancelaria, '10-outgoing-register');

    await visit(kierownik, server, '/case-lists', 'Spis spraw');
    await kierownik.getByLabel('Klasa JRWA').selectOption({ value: '3118' });
    await kierownik.getByRole('button', { name: 'Pokaż spis' }).click();
    await kierownik.getByRole('table').waitFor();
    await shot(kierownik, '11-case-list');
    await visit(referent, server, '/search?q=zaświadczenie', /^Wyniki wyszukiwania/);
    await shot(referent, '12-search');

    const admin = await signIn(browser, server, 'admin');
    await visit(admin, server, '/admin/people', 'Administracja');
    await admin.getByRole('table').first().waitFor();
    await shot(admin, '13-admin-people');
  } catch (error) {
    const file = path.join(os.tmpdir(), 'obieg-screenshots-failure.png');
    await lastPage?.screenshot({ path: file }).catch(() => undefined);
    console.error(`Failed; the last screen is in ${file}`);
    throw error;
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

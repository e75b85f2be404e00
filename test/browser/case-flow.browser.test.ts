import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { openFnCase } from '../support/factories.ts';
import { searchEverything } from '../../src/modules/search/search.usecases.ts';
import { DESKTOP, expectAccessible, signInToStaffApp } from '../support/staff-browser.ts';

// The "Must show": one letter from the kancelaria's desk to a dispatched, signed
// certificate, by four people in their own browsers, with axe-core on every main screen.
const LETTER_TITLE = 'Wniosek o zaświadczenie o niezaleganiu w podatkach od nieruchomości';
const DRAFT_TITLE = 'Zaświadczenie o niezaleganiu w podatkach';
const OTHER_LETTER_TITLE = 'Wniosek o rozłożenie zaległości podatkowej na raty';
const LISTED_LETTER_TITLE = 'Wniosek o obniżenie czynszu najmu lokalu użytkowego';
const RETURN_COMMENT = 'Proszę dopisać cel wydania zaświadczenia.';
const PHONE = { width: 390, height: 844 };

let server: DemoServer;
let browser: Browser;
/** The pages of the running test, for the screenshots of a failure (each test opens its own). */
let openPages = new Map<string, Page>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterEach(async (context) => {
  const pages = openPages;
  openPages = new Map();
  if (context.task.result?.state !== 'fail') return;
  // What each person's screen said when a step failed: usually an API error in an alert.
  for (const [login, page] of pages) {
    if (page.isClosed()) continue;
    const alerts = await page.getByRole('alert').allTextContents();
    const shot = path.join(os.tmpdir(), `obieg-browser-failure-${login}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.error(`${login} at ${page.url()}: ${alerts.join(' | ') || 'no alert'} (${shot})`);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The people of one test, each in their own browser (a separate session) signed in through the
 * login screen; a person signed in once keeps their browser for the rest of that test.
 */
function peopleOfThisTest() {
  const signIn = async (login: string, viewport = DESKTOP) => {
    const page = await signInToStaffApp(browser, server.url, login, { viewport });
    openPages.set(login, page);
    return page;
  };
  const desks = new Map<string, Page>();
  return {
    signIn,
    of: async (login: string) => {
      const page = desks.get(login) ?? (await signIn(login));
      desks.set(login, page);
      return page;
    },
  };
}

/** A named step of a walk-through: a failure says which step it was. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`step "${name}": ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * A case of Finance in class 3118 opened from a letter through the use cases (not the screens),
 * indexed for search: what a test needs that is not what it checks.
 */
async function fnCaseOnTheServer(letterTitle: string) {
  const { kase, letter } = await openFnCase(server, {
    jrwaSymbol: '3118',
    title: letterTitle,
    letter: { title: letterTitle },
  });
  await server.indexSearch();
  return { sign: kase.sign, casePath: `/cases/${kase.id}`, itemPath: `/incoming/${letter.id}` };
}

async function go(page: Page, path: string, heading: string | RegExp) {
  await page.goto(server.url + path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function expectNotice(page: Page, text: string | RegExp) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

/** Opens a <details> action box by its summary and returns the form inside it. */
async function openAction(scope: Page | Locator, summary: string, form: string | RegExp = summary) {
  await scope.locator('summary', { hasText: summary }).first().click();
  return scope.getByRole('form', { name: form });
}

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 14, font });
  return Buffer.from(await doc.save());
}

function documentCard(page: Page) {
  return page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: DRAFT_TITLE }),
  });
}

describe('a letter becomes a signed, dispatched certificate, in Chromium', () => {
  test('kancelaria signs in with the keyboard alone, starting from the skip link', async () => {
    const context = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    openPages.set('kancelaria', page);
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Logowanie' }).waitFor();
    await expectAccessible(page, 'login');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Przejdź do treści' });
    expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0, 'the focused skip link is on screen').toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');

    await page.keyboard.press('Tab');
    await page.keyboard.type('kancelaria');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      '(() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.textContent, s.outlineStyle, parseFloat(s.outlineWidth)]; })()',
    );
    expect(outline, 'the focused button shows a focus outline').toEqual([
      'Zaloguj się',
      'solid',
      3,
    ]);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Moje biurko' }).waitFor();
    await expectAccessible(page, 'desk (kancelaria)');
  });

  test('one letter becomes a delivered, signed certificate, by four people in their own browsers', async () => {
    const desks = peopleOfThisTest();
    const rpw = await step(
      'kancelaria registers a paper letter with its scan and assigns it to Finance',
      async () => {
        const page = await desks.of('kancelaria');
        await page
          .getByRole('navigation', { name: 'Menu główne' })
          .getByRole('link', {
            name: 'Zarejestruj przesyłkę',
          })
          .click();
        await page
          .getByRole('heading', { level: 1, name: 'Rejestracja przesyłki wpływającej' })
          .waitFor();
        await expectAccessible(page, 'incoming form');

        await page.getByRole('button', { name: 'Zarejestruj w RPW' }).click();
        await page.getByRole('alert').filter({ hasText: 'Popraw' }).waitFor();
        await expectAccessible(page, 'incoming form with errors');

        await page.getByLabel('Tytuł (czego dotyczy)').fill(LETTER_TITLE);
        await page.getByLabel('Rodzaj pisma').fill('wniosek');
        await page.getByLabel('Nadawca (imię i nazwisko lub nazwa)').fill('Jan Kowalski');
        await page.getByLabel('Ulica i numer').fill('ul. Lipowa 5');
        await page.getByLabel('Kod pocztowy').fill('00-950');
        await page.getByLabel('Miejscowość').fill('Demo');
        await page.getByLabel('Skan (PDF lub obraz)').setInputFiles({
          name: 'skan-wniosku.pdf',
          mimeType: 'application/pdf',
          buffer: await pdf('Wniosek o zaswiadczenie - skan'),
        });
        await page.getByRole('button', { name: 'Zarejestruj w RPW' }).click();

        const heading = page.getByRole('heading', { level: 1, name: /^Przesyłka RPW\// });
        await heading.waitFor();
        const rpw = (await heading.textContent())!.replace('Przesyłka ', '');
        await expectNotice(page, `Zarejestrowano przesyłkę ${rpw}`);
        // The RPW label names the office and carries the number as a barcode.
        const printouts = page.getByRole('complementary', { name: 'Etykieta i potwierdzenie' });
        await printouts.getByText('Urząd Miasta Demo').first().waitFor();
        await printouts.getByRole('img', { name: `Kod kreskowy numeru ${rpw}` }).waitFor();

        await page.getByRole('button', { name: 'Podgląd pliku skan-wniosku.pdf' }).click();
        await page.locator('iframe[title="Podgląd: skan-wniosku.pdf"]').waitFor();
        await expectAccessible(page, 'incoming item');

        const assign = await openAction(page, 'Dekretuj', 'Zadekretuj');
        await assign.getByLabel('Komórka').selectOption({ label: 'FN – Wydział Finansowy' });
        await assign.getByRole('button', { name: 'Zadekretuj' }).click();
        await expectNotice(page, 'Zadekretowano przesyłkę.');

        await page.getByRole('link', { name: 'Rejestr wpływów' }).click();
        await page.getByRole('link', { name: rpw }).waitFor();
        await expectAccessible(page, 'incoming register');
        return rpw;
      },
    );
    await step(
      'the head of Finance passes the letter to a case handler with a deadline',
      async () => {
        const page = await desks.of('kierownik.fn');
        const waiting = page.getByRole('region', { name: 'Dekretacje do przyjęcia' });
        await waiting.getByRole('link', { name: new RegExp(rpw) }).click();
        await page.getByRole('heading', { level: 1, name: `Przesyłka ${rpw}` }).waitFor();

        const forward = await openAction(page, 'Przekaż dalej', 'Przekaż');
        await forward
          .getByLabel('Osoba')
          .selectOption({ label: 'Joanna Dąbrowska – inspektor ds. wymiaru podatków (FN)' });
        const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
        await forward.getByLabel('Termin').fill(deadline);
        await forward.getByRole('button', { name: 'Przekaż' }).click();
        await expectNotice(page, 'Przekazano dekretację.');
        await page.getByText('Joanna Dąbrowska (FN)').waitFor();
      },
    );
    const kase = await step(
      'the handler accepts, opens a case, drafts from a template and sends it for approval',
      async () => {
        const page = await desks.of('referent.fn');
        await page
          .getByRole('region', { name: 'Dekretacje do przyjęcia' })
          .getByRole('link', { name: new RegExp(rpw) })
          .click();
        await page.getByRole('button', { name: 'Przyjmij' }).click();
        await expectNotice(page, 'Przyjęto dekretację.');

        const open = page.getByRole('form', { name: 'Załóż sprawę' });
        await open.getByLabel('Szukaj klasy JRWA').fill('3118');
        await open.getByLabel('Klasa JRWA').selectOption({ value: '3118' });
        await open.getByRole('button', { name: 'Załóż sprawę' }).click();
        const heading = page.getByRole('heading', { level: 1, name: /^Sprawa FN\./ });
        await heading.waitFor();
        const kase = {
          sign: (await heading.textContent())!.replace('Sprawa ', ''),
          path: new URL(page.url()).pathname,
        };
        await expectNotice(page, `Założono sprawę ${kase.sign}.`);
        await expectAccessible(page, 'case view');

        const draft = await openAction(page, 'Utwórz projekt z szablonu');
        await draft.getByLabel('Szablon').selectOption({ label: 'Zaświadczenie (zaświadczenie)' });
        await draft.getByLabel('Tytuł dokumentu').fill(DRAFT_TITLE);
        await draft
          .getByLabel('Treść zaświadczenia')
          .fill('Jan Kowalski nie zalega z podatkiem od nieruchomości.');
        await draft.getByLabel('Cel wydania zaświadczenia').fill('przetargu publicznego');
        await draft.getByLabel('Opłata skarbowa').fill('17 zł');
        await expectAccessible(page, 'drafting from a template');
        await draft.getByRole('button', { name: 'Utwórz projekt z szablonu' }).click();
        await expectNotice(page, 'Utworzono projekt z szablonu.');

        const card = documentCard(page);
        await card.getByText('projekt', { exact: true }).waitFor();
        const send = await openAction(card, 'Przekaż do akceptacji');
        await send.getByLabel('Krok 1: osoba').selectOption({
          label: 'Krzysztof Woźniak – Skarbnik – Naczelnik Wydziału Finansowego (FN)',
        });
        await expectAccessible(page, 'sending for approval');
        await send.getByRole('button', { name: 'Przekaż', exact: true }).click();
        await expectNotice(page, `Przekazano do akceptacji: „${DRAFT_TITLE}”.`);
        await card.getByText('w akceptacji', { exact: true }).waitFor();
        return kase;
      },
    );
    await step('the head returns the draft once, with a comment', async () => {
      const page = await desks.of('kierownik.fn');
      await go(page, '/', 'Moje biurko');
      await page
        .getByRole('region', { name: 'Do akceptacji' })
        .getByRole('link', { name: DRAFT_TITLE })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Akceptacje' }).waitFor();
      await expectAccessible(page, 'approvals');

      const task = page.getByRole('listitem').filter({
        has: page.getByRole('heading', { name: DRAFT_TITLE }),
      });
      await task.getByRole('button', { name: 'Zwróć do poprawy' }).click();
      await task.getByText('Podaj, co poprawić.').waitFor();
      await task.getByLabel('Komentarz').fill(RETURN_COMMENT);
      await task.getByRole('button', { name: 'Zwróć do poprawy' }).click();
      await expectNotice(page, `Zwrócono do poprawy „${DRAFT_TITLE}” (${kase.sign}).`);
    });
    await step(
      'the handler reads the comment, adds a corrected version and sends it again',
      async () => {
        const page = await desks.of('referent.fn');
        await go(page, kase.path, `Sprawa ${kase.sign}`);
        const card = documentCard(page);
        await card.getByText('projekt', { exact: true }).waitFor();
        await card.locator('summary', { hasText: 'Historia akceptacji' }).click();
        await card.getByText(RETURN_COMMENT).waitFor();

        const version = await openAction(card, 'Dodaj nową wersję');
        await version.getByLabel('Plik').setInputFiles({
          name: 'zaswiadczenie-v2.pdf',
          mimeType: 'application/pdf',
          buffer: await pdf('Zaswiadczenie - wersja 2 (cel: przetarg)'),
        });
        await version.getByLabel('Opis zmian').fill('Dopisano cel wydania.');
        await version.getByRole('button', { name: 'Dodaj nową wersję' }).click();
        await expectNotice(page, 'Dodano nową wersję.');
        await card.getByText('wersja 2', { exact: false }).first().waitFor();

        const send = await openAction(card, 'Przekaż do akceptacji');
        await send.getByLabel('Krok 1: osoba').selectOption({
          label: 'Krzysztof Woźniak – Skarbnik – Naczelnik Wydziału Finansowego (FN)',
        });
        await send.getByRole('button', { name: 'Przekaż', exact: true }).click();
        await card.getByText('w akceptacji', { exact: true }).waitFor();
      },
    );
    await step('the head approves the corrected draft on a phone', async () => {
      const page = await desks.signIn('kierownik.fn', PHONE);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Akceptacje' }).click();
      await page.getByRole('heading', { level: 1, name: 'Akceptacje' }).waitFor();
      await expectAccessible(page, 'approvals on a phone');
      const task = page.getByRole('listitem').filter({
        has: page.getByRole('heading', { name: DRAFT_TITLE }),
      });
      await task.getByRole('button', { name: 'Akceptuję' }).click();
      await expectNotice(page, `Zaakceptowano „${DRAFT_TITLE}” (${kase.sign}).`);
      await page.context().close();
    });
    await step(
      'the handler signs with the certificate password and dispatches the certificate',
      async () => {
        const page = await desks.of('referent.fn');
        // The approved draft waits on the handler's desk; its link opens the case.
        await go(page, '/', 'Moje biurko');
        await page
          .getByRole('region', { name: 'Do podpisu' })
          .getByRole('link', { name: DRAFT_TITLE })
          .click();
        await page.getByRole('heading', { level: 1, name: `Sprawa ${kase.sign}` }).waitFor();
        const card = documentCard(page);
        await card.getByText('zaakceptowany', { exact: true }).waitFor();

        const sign = await openAction(card, 'Podpisz');
        await sign.getByRole('button', { name: 'Podpisz' }).click();
        await sign.getByText('To pole jest wymagane.').waitFor();
        await sign.getByLabel('Hasło do certyfikatu (PKCS#12)').fill('demo');
        await expectAccessible(page, 'signing');
        await sign.getByRole('button', { name: 'Podpisz' }).click();
        await expectNotice(page, 'Dokument podpisany.');
        await card.getByText('podpis ważny').waitFor();

        const dispatch = await openAction(card, 'Wyślij (rejestr przesyłek wychodzących)');
        expect(await dispatch.getByLabel('Adresat').inputValue()).toBe('Jan Kowalski');
        await dispatch.getByRole('button', { name: 'Zarejestruj wysyłkę' }).click();
        await expectNotice(page, /Zarejestrowano przesyłkę wychodzącą RKW\//);
        const dispatched = page.getByRole('region', { name: 'Wysyłka w sprawie' });
        await dispatched.getByText('zarejestrowana', { exact: true }).waitFor();
      },
    );
    await step(
      'kancelaria posts the letter and records its delivery in the outgoing register',
      async () => {
        const page = await desks.of('kancelaria');
        await page
          .getByRole('navigation', { name: 'Menu główne' })
          .getByRole('link', {
            name: 'Wysyłka',
          })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Wysyłka' }).waitFor();
        await expectAccessible(page, 'outgoing register');
        const postalList = page.getByRole('region', {
          name: 'Książka nadawcza (lista do nadania)',
        });
        await postalList.getByRole('button', { name: /^Nadano przesyłkę RKW\// }).click();
        const register = page.getByRole('region', { name: 'Rejestr przesyłek wychodzących (RKW)' });
        await register.getByRole('table').getByText('nadana', { exact: true }).waitFor();
        const delivery = await openAction(
          register,
          'Zapisz doręczenie',
          /^Doręczenie przesyłki RKW\//,
        );
        await delivery.getByRole('button', { name: 'Zapisz doręczenie' }).click();
        await register.getByRole('table').getByText('doręczona', { exact: true }).waitFor();
      },
    );
    await step('the case record shows every step, from registration to delivery', async () => {
      const page = await desks.of('referent.fn');
      await go(page, kase.path, `Sprawa ${kase.sign}`);
      const record = page.getByRole('table', { name: `Metryka sprawy ${kase.sign}` });
      await record.getByRole('row').nth(1).waitFor();
      const actions = await record.locator('tbody code').allTextContents();
      expect(actions).toEqual([
        'incoming.registered',
        'incoming.file_attached',
        'assignment.created',
        'assignment.forwarded',
        'assignment.accepted',
        'case.opened',
        'case.incoming_joined',
        'document.added',
        'document.version_added',
        'approval.requested',
        'approval.returned',
        'document.version_added',
        'approval.requested',
        'approval.approved',
        'document.approved',
        'document.signed',
        'outgoing.registered',
        'outgoing.sent',
        'outgoing.delivered',
      ]);
      const people = await record.locator('tbody tr td:nth-child(3)').allTextContents();
      for (const name of ['Anna Nowak', 'Krzysztof Woźniak', 'Joanna Dąbrowska']) {
        expect(
          people.some((cell) => cell.startsWith(name)),
          name,
        ).toBe(true);
      }
      await expectAccessible(page, 'case view with its record');
    });
  });

  test('an official of another department cannot see a case, not even by search', async () => {
    const elsewhere = await fnCaseOnTheServer(OTHER_LETTER_TITLE);
    // Found by its own department, so that finding nothing below says something.
    const own = await searchEverything(await server.as('referent.fn'), { q: 'zaległości' });
    expect(own.map((hit) => hit.reference)).toContain(elsewhere.sign);
    const page = await peopleOfThisTest().of('referent.or');
    await page.goto(server.url + elsewhere.casePath);
    await page.getByRole('alert').filter({ hasText: 'Nie znaleziono sprawy.' }).waitFor();
    expect(await page.getByText(elsewhere.sign).count()).toBe(0);
    expect(await page.getByText(OTHER_LETTER_TITLE).count()).toBe(0);

    await page.goto(server.url + elsewhere.itemPath);
    await page.getByRole('alert').filter({ hasText: 'Nie znaleziono' }).waitFor();
    expect(await page.getByText(OTHER_LETTER_TITLE).count()).toBe(0);

    const search = page.getByRole('search', { name: 'Wyszukiwanie' });
    await search.getByLabel('Szukaj spraw, przesyłek i dokumentów').fill('zaległości');
    await search.getByRole('button', { name: 'Szukaj' }).click();
    await page.getByRole('status').filter({ hasText: 'Znaleziono 0 wyników.' }).waitFor();
  });

  test('lists, search and administration pass axe-core', async () => {
    const listed = await fnCaseOnTheServer(LISTED_LETTER_TITLE);
    const people = peopleOfThisTest();
    const referent = await people.of('referent.fn');
    const search = referent.getByRole('search', { name: 'Wyszukiwanie' });
    await search.getByLabel('Szukaj spraw, przesyłek i dokumentów').fill('lokalu');
    await search.getByRole('button', { name: 'Szukaj' }).click();
    await referent.getByRole('link', { name: LISTED_LETTER_TITLE }).first().waitFor();
    await expectAccessible(referent, 'search results');
    // Moving through the menus as a person would (no reloads), checking each screen.
    const menu = referent.getByRole('navigation', { name: 'Menu główne' });
    for (const [link, heading] of [
      ['Sprawy', 'Sprawy'],
      ['Terminy', 'Terminy spraw'],
      ['Moje konto', 'Moje konto'],
    ] as const) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await referent.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(referent, heading);
    }

    // Spis spraw covers the whole unit: its head reads it, with the unit's case in it.
    const head = await people.of('kierownik.fn');
    await head.getByRole('link', { name: 'Spis spraw' }).click();
    await head.getByLabel('Klasa JRWA').selectOption({ value: '3118' });
    await head.getByRole('button', { name: 'Pokaż spis' }).click();
    await head.getByRole('table', { name: 'Spis spraw' }).getByText(listed.sign).waitFor();
    await expectAccessible(head, 'spis spraw');

    const admin = await people.of('admin');
    await admin.getByRole('link', { name: 'Administracja' }).click();
    const tabs = admin.getByRole('navigation', { name: 'Sekcje administracji' });
    for (const [tab, section] of [
      ['Komórki', 'Komórki'],
      ['Pracownicy', 'Pracownicy'],
      ['Zastępstwa', 'Zastępstwa'],
      ['Wykaz akt', 'Wersje wykazu'],
      ['Ścieżki akceptacji', 'Ścieżki akceptacji'],
      ['Szablony pism', 'Szablony pism'],
    ] as const) {
      await tabs.getByRole('link', { name: tab }).click();
      await admin.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
      await expectAccessible(admin, `administration: ${tab}`);
    }
  });
});

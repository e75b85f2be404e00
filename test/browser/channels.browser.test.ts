import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { runGatewayPass } from '../../src/modules/channels/gateway.ts';
import {
  startChannelSimulator,
  type ChannelSimulator,
} from '../../src/modules/channels/simulator/channel-simulator.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { gatewayFor } from '../support/channel-gateway.ts';
import { launchChromium } from '../support/chromium.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { expectAccessible, signInToStaffApp } from '../support/staff-browser.ts';

// The kancelaria's screen of the national channels: the administrator adds the office's ePUAP
// box, the gateway receives a letter and a message it cannot read, and the kancelaria finds the
// dead letter, retries it, and reads the letter's provenance. axe-core on each screen.
const EPUAP_BOX = '/um-demo/SkrytkaESP';
const MAILBOX_NAME = 'Skrytka ESP urzędu';
const LETTER_TITLE = 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach';

let server: DemoServer;
let browser: Browser;
let simulator: ChannelSimulator;
const pages = new Map<string, Page>();
const received = { letterId: '', unreadableId: '' };

beforeAll(async () => {
  [server, browser, simulator] = await Promise.all([
    startDemoServer(),
    launchChromium(),
    startChannelSimulator(),
  ]);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const [login, page] of pages) {
    if (page.isClosed()) continue;
    const alerts = await page.getByRole('alert').allTextContents();
    const shot = path.join(os.tmpdir(), `obieg-channels-failure-${login}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.error(`${login} at ${page.url()}: ${alerts.join(' | ') || 'no alert'} (${shot})`);
  }
});

afterAll(async () => {
  await browser?.close();
  await simulator?.close();
  await server?.close();
});

async function signIn(login: string): Promise<Page> {
  const page = await signInToStaffApp(browser, server.url, login);
  pages.set(login, page);
  return page;
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });

async function openChannels(page: Page) {
  await menu(page).getByRole('link', { name: 'Kanały elektroniczne' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kanały elektroniczne' }).waitFor();
}

/** The mailbox's count of one queue state, as the screen shows it (a <dt> and its <dd>). */
async function queueCount(page: Page, direction: 'Przychodzące' | 'Wychodzące', state: string) {
  return page
    .getByRole('region', { name: `ePUAP: ${MAILBOX_NAME}` })
    .locator(`h3:text-is("${direction}") + dl > dt:text-is("${state}") + dd`)
    .textContent();
}

describe('the national channels screen, in Chromium', () => {
  test('the administrator adds the office ePUAP box from the channels screen', async () => {
    const page = await signIn('admin');
    await openChannels(page);
    await page.getByText('Urząd nie ma jeszcze skrzynki ePUAP').waitFor();
    await expectAccessible(page, 'channels without a mailbox');

    const form = page.getByRole('form', { name: 'Dodaj skrzynkę' });
    await form.getByRole('button', { name: 'Dodaj skrzynkę' }).click();
    await form.getByText('To pole jest wymagane.').first().waitFor();
    await form.getByLabel('Kanał').selectOption({ label: 'ePUAP' });
    await form.getByLabel('Adres skrzynki').fill(EPUAP_BOX);
    await form.getByLabel('Nazwa skrzynki').fill(MAILBOX_NAME);
    await form.getByRole('button', { name: 'Dodaj skrzynkę' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Dodano skrzynkę ${EPUAP_BOX}.` })
      .waitFor();
    const mailbox = page.getByRole('region', { name: `ePUAP: ${MAILBOX_NAME}` });
    await mailbox.getByText('czeka na pierwsze odpytanie').waitFor();

    // The same address again: the API's refusal, in Polish, in an alert.
    await form.getByLabel('Adres skrzynki').fill(EPUAP_BOX);
    await form.getByLabel('Nazwa skrzynki').fill('Druga skrytka');
    await form.getByRole('button', { name: 'Dodaj skrzynkę' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'Skrzynka o tym adresie jest już skonfigurowana.' })
      .waitFor();
    await expectAccessible(page, 'channels with a mailbox and an error');
  });

  test('the kancelaria finds a message the gateway could not read, and retries it', async () => {
    // The outside world: a citizen's signed general letter and a broken message arrive in the
    // box, and the gateway makes the pass that `serve` runs every few seconds.
    received.letterId = simulator.addEpuapDocument(
      EPUAP_BOX,
      {
        name: 'Pismo_ogolne_do_podmiotu_publicznego.xml',
        content: new Uint8Array(
          fs.readFileSync(new URL('../fixtures/epuap-pismo-ogolne.xml', import.meta.url)),
        ),
      },
      { sign: true },
    );
    received.unreadableId = simulator.addEpuapDocument(EPUAP_BOX, {
      name: 'uszkodzony.xml',
      content: new TextEncoder().encode('to nie jest XML'),
    });
    const pass = await runGatewayPass(
      gatewayFor(simulator, { db: server.db, clock: systemClock, files: server.files }),
    );
    expect(pass).toMatchObject({ listed: 2, downloaded: 2, registered: 1 });

    const page = await signIn('kancelaria');
    await openChannels(page);
    expect(await queueCount(page, 'Przychodzące', 'zarejestrowane w RPW')).toBe('1');
    expect(await queueCount(page, 'Przychodzące', 'nieobsłużone')).toBe('1');

    const deadLetters = page.getByRole('region', { name: 'Nieobsłużone wiadomości' });
    const row = deadLetters.getByRole('row').filter({ hasText: received.unreadableId });
    await row.getByText(EPUAP_BOX).waitFor();
    await row.getByText('channel.malformed_message').waitFor();
    await expectAccessible(page, 'channels with a dead letter');

    await row.getByRole('button', { name: `Ponów ${received.unreadableId}` }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `Ponowiono ${received.unreadableId}: wiadomość wróciła do kolejki (do rejestracji).`,
      })
      .waitFor();
    await deadLetters.getByText('Brak nieobsłużonych wiadomości.').waitFor();
    expect(await queueCount(page, 'Przychodzące', 'pobrane, do rejestracji')).toBe('1');
    expect(await queueCount(page, 'Przychodzące', 'nieobsłużone')).toBe('0');
    await expectAccessible(page, 'channels after the retry');
  });

  test('the letter received through ePUAP shows where it came from and its signature reports', async () => {
    const page = pages.get('kancelaria')!;
    await menu(page).getByRole('link', { name: 'Rejestr wpływów' }).click();
    await page.getByRole('row').filter({ hasText: LETTER_TITLE }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Przesyłka RPW\// }).waitFor();

    const provenance = page.getByRole('region', { name: 'Pochodzenie' });
    await provenance.getByText(received.letterId).waitFor();
    await provenance.getByText(EPUAP_BOX).waitFor();
    const document = provenance
      .getByRole('listitem')
      .filter({ hasText: 'Pismo_ogolne_do_podmiotu_publicznego.xml' });
    await document.getByText('CN=Jan Kowalski').first().waitFor();
    await document.getByText('treść nienaruszona').waitFor();
    await expectAccessible(page, 'incoming item with its provenance');
  });

  test('only the kancelaria and the administrator of the whole office see the channels link', async () => {
    for (const login of ['referent.fn', 'dyrektor.sp1']) {
      const page = await signIn(login);
      expect(await menu(page).getByRole('link').count()).toBeGreaterThan(1);
      expect(
        await menu(page).getByRole('link', { name: 'Kanały elektroniczne' }).count(),
        login,
      ).toBe(0);
    }
    // Typing the address does not get round it: the API refuses and the screen says so.
    const page = pages.get('referent.fn')!;
    await page.goto(`${server.url}/channels`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Kolejkami kanałów zarządzają tylko kancelaria i administratorzy.' })
      .waitFor();
  });
});

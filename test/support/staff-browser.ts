import type { Browser, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from './chromium.ts';

export const DESKTOP = { width: 1280, height: 900 };

/**
 * A person's own browser (a separate context, so a separate session), signed in through the
 * staff application's login screen with the demo password, on their desk.
 */
export async function signInToStaffApp(
  browser: Browser,
  baseUrl: string,
  login: string,
  options: {
    viewport?: { width: number; height: number };
    timeoutMs?: number;
    scale?: number;
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: options.viewport ?? DESKTOP,
    ...(options.scale ? { deviceScaleFactor: options.scale } : {}),
  });
  context.setDefaultTimeout(options.timeoutMs ?? 10_000);
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Hasło').fill('demo');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('heading', { level: 1, name: 'Moje biurko' }).waitFor();
  return page;
}

/** axe-core finds no serious or critical violation on the screen, once its queries settled. */
export async function expectAccessible(page: Page, screen: string) {
  // Let queries settle so that axe sees the screen as a person would, not a spinner.
  await page.locator('.loading').first().waitFor({ state: 'detached' });
  const found = describeViolations(await seriousAccessibilityViolations(page));
  if (found) throw new Error(`axe-core on ${screen}:\n${found}`);
}

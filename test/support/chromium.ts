import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, started as the issue prescribes: headless, no sandbox (CI runs as root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const CHROMIUM_MISSING =
  'Nie znaleziono przeglądarki Chromium (/usr/bin/chromium). Zainstaluj ją: `sudo scripts/ensure-chromium.sh` ' +
  '(Debian: apt-get install chromium) albo wskaż ją w CHROMIUM_PATH. / ' +
  'Chromium was not found (/usr/bin/chromium). Install it with `sudo scripts/ensure-chromium.sh` ' +
  '(Debian: apt-get install chromium) or point CHROMIUM_PATH at it.';

/** The Chromium executable: CHROMIUM_PATH, Debian's /usr/bin/chromium, or one on the PATH. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on the PATH
    }
  }
  return null;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now and returns the
 * violations of serious or critical impact, the ones that block or badly hinder a person.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force.
    await page.evaluate(axeSource);
  }
  const violations = (await page.evaluate(
    'window.axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)',
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and element, for an assertion message a person can act on. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')}`))
    .join('\n');
}

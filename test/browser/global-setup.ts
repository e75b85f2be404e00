import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_MISSING, findChromium } from '../support/chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Before the browser tests: the web UI must be built (web/dist, rebuilt only when its sources
 * changed) and Chromium must be there. As root on Debian, scripts/ensure-chromium.sh installs it.
 */
export default function setup() {
  const build = spawnSync(process.execPath, ['web/scripts/build-if-stale.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    throw new Error(
      'Nie udało się zbudować interfejsu (web/dist). / Building the web UI (web/dist) failed.',
    );
  }
  if (!findChromium() && process.getuid?.() === 0) {
    spawnSync('bash', ['scripts/ensure-chromium.sh'], { cwd: root, stdio: 'inherit' });
  }
  if (!findChromium()) throw new Error(CHROMIUM_MISSING);
}

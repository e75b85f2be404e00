// Builds the web application (web/dist) when it is missing or older than its sources, so that
// `npm ci && npm start` on a fresh clone serves the UI without a separate build step.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(webDir, 'dist', 'index.html');
const sources = [
  path.join(webDir, 'src'),
  path.join(webDir, 'public'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
  path.join(webDir, '..', 'package-lock.json'),
];

function newestChange(target) {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestChange(path.join(target, entry)));
  }
  return newest;
}

const builtAt = newestChange(builtIndex);
const changedAt = Math.max(...sources.map(newestChange));
if (builtAt > 0 && builtAt >= changedAt) {
  console.log('web/dist is up to date.');
} else {
  console.log('Building the web application (web/dist)…');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', path.join(webDir, 'vite.config.ts')],
    {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    },
  );
  process.exit(result.status ?? 1);
}

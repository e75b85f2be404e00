// The server's TypeScript sources as one ES module (dist/obieg.mjs), built by esbuild whenever a
// source is newer than the bundle. Loading one prepared file takes half the time and memory of
// compiling ~200 modules at every start (and in every HTTP worker), and a fresh clone still needs
// no build step: the first `obieg` command builds it (about half a second).
// What a source imports with `await import('./x.ts')` becomes a chunk beside it (dist/chunk-*.mjs),
// loaded when first used: the signature cryptography and PDF rendering cost a process ~50 MB and
// half a second, and most processes never sign.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'src');
const bundleFile = path.join(root, 'dist', 'obieg.mjs');

/** The bundle's URL, rebuilt first when it is missing or older than a source (or this file). */
export async function ensureServerBundle() {
  const builtAt = modifiedAt(bundleFile);
  if (
    builtAt === 0 ||
    builtAt < Math.max(newestChange(sourceDir), modifiedAt(fileURLToPath(import.meta.url)))
  ) {
    await buildServerBundle();
  }
  return pathToFileURL(bundleFile).href;
}

async function buildServerBundle() {
  const { build, stop } = await import('esbuild');
  // Written beside the target and renamed, so processes starting at the same time (HTTP workers,
  // tests) never load a half-written bundle. Chunks are named by their content, so they move in
  // first and are never replaced by a different file; the entry moves in last.
  const distDir = path.dirname(bundleFile);
  const temporary = path.join(distDir, `.build-${process.pid}`);
  mkdirSync(temporary, { recursive: true });
  await build({
    entryPoints: { obieg: path.join(sourceDir, 'cli', 'main.ts') },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [keepModuleLocations],
  });
  await stop(); // esbuild's service process would otherwise live as long as Obieg
  const entry = path.basename(bundleFile);
  const built = readdirSync(temporary).sort((a, b) => Number(a === entry) - Number(b === entry));
  for (const name of built) renameSync(path.join(temporary, name), path.join(distDir, name));
  rmSync(temporary, { recursive: true, force: true });
  removeOldChunks(distDir, new Set(built));
}

/** Chunks of earlier builds, kept a day for processes still running on them. */
function removeOldChunks(distDir, current) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(distDir)) {
    const target = path.join(distDir, name);
    if (name.startsWith('chunk-') && !current.has(name) && modifiedAt(target) < dayAgo) {
      rmSync(target, { force: true });
    }
  }
}

/**
 * Sources find their data (migrations, the demo JRWA, fonts, web/dist) relative to their own
 * `import.meta.url`; in the bundle that would be dist/obieg.mjs. Each source's `import.meta.url`
 * becomes its original location, expressed relative to the bundle so the tree can move.
 */
const keepModuleLocations = {
  name: 'keep-module-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const relative = path.relative(path.dirname(bundleFile), args.path).split(path.sep).join('/');
      const location = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', location), loader: 'ts' };
    });
  },
};

function newestChange(directory) {
  let newest = modifiedAt(directory);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const target = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(target) : modifiedAt(target));
  }
  return newest;
}

function modifiedAt(target) {
  try {
    return statSync(target).mtimeMs;
  } catch {
    return 0;
  }
}

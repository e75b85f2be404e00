#!/usr/bin/env node
// Runs Obieg from the bundle of its TypeScript sources, rebuilt when a source changed (see
// server-bundle.js), so a fresh clone needs no build step.
import { ensureServerBundle } from './server-bundle.js';

process.setSourceMapsEnabled(true);
await import(await ensureServerBundle());

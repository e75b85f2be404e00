import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Tables a piece of TypeScript writes: Kysely's `insertInto`, `updateTable`, `deleteFrom`,
 * `mergeInto` and `replaceInto` (a table name, optionally aliased: `'outgoing_items as g'`), and
 * raw SQL in `sql` templates (`insert into`, `update … set`, `delete from`).
 */
export function findTableWrites(source: string): string[] {
  const tables = new Set<string>();
  const builder =
    /\.(?:insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(\s*['"`]([a-z_]+)/g;
  for (const match of source.matchAll(builder)) tables.add(match[1]!);
  for (const template of source.matchAll(/\bsql(?:<[^>]*>)?`([^`]*)`/g)) {
    const text = template[1]!;
    const raw = /\b(?:insert\s+into|delete\s+from|update)\s+([a-z_]+)/gi;
    for (const match of text.matchAll(raw)) tables.add(match[1]!.toLowerCase());
  }
  return [...tables];
}

/**
 * The owner of each table, from the "Table ownership" section of ARCHITECTURE.md: rows of
 * `| \`owner\` | \`table\`, \`table\` |`.
 */
export function readOwnershipTable(markdown: string): Map<string, string> {
  const section = markdown.split(/^## Table ownership$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('ARCHITECTURE.md has no "## Table ownership" section');
  const owners = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const owner = /^`([a-z/-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!owner) continue;
    for (const table of cells[2]!.matchAll(/`([a-z_]+)`/g)) {
      if (owners.has(table[1]!)) throw new Error(`${table[1]} has two owners in ARCHITECTURE.md`);
      owners.set(table[1]!, owner);
    }
  }
  return owners;
}

/**
 * Who a source file writes for: its module (`cases`), its part of the shared core
 * (`platform/record`), or the composition root (`composition`), which owns no table.
 */
export function ownerOfFile(relativePath: string): string {
  const parts = relativePath.split(/[\\/]/);
  if (parts[0] === 'src' && parts[1] === 'modules') return parts[2]!;
  if (parts[0] === 'src' && parts[1] === 'platform' && parts.length > 3) {
    return `platform/${parts[2]}`;
  }
  return 'composition';
}

/** The TypeScript sources of src/ (tests excluded: they set up data as they need). */
export function listSources(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) found.push(relative);
    }
  };
  walk('src');
  return found.sort();
}

export const readSource = (root: string, relative: string) =>
  readFileSync(path.join(root, relative), 'utf8');

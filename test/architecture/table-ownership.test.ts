import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaColumns } from '../../src/platform/db/schema-columns.ts';
import {
  findTableWrites,
  listSources,
  ownerOfFile,
  readOwnershipTable,
  readSource,
} from './table-writes.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const owners = readOwnershipTable(readFileSync(`${root}/ARCHITECTURE.md`, 'utf8'));

describe('table ownership (ARCHITECTURE.md)', () => {
  it('names exactly one owner for every table of the schema', () => {
    expect([...owners.keys()].sort()).toEqual(Object.keys(schemaColumns).sort());
  });

  it('no file writes a table that another module owns', () => {
    const foreignWrites = listSources(root).flatMap((file) =>
      findTableWrites(readSource(root, file))
        .filter((table) => owners.get(table) !== ownerOfFile(file))
        .map((table) => `${file} writes ${table} (owned by ${owners.get(table) ?? 'nobody'})`),
    );
    expect(foreignWrites).toEqual([]);
  });

  it('finds the writes of Kysely builders and of raw SQL, and no reads', () => {
    const source = `
      await trx.insertInto('documents').values(row).execute();
      await db.updateTable('outgoing_items as g').set({ status: 'sent' }).execute();
      await db.deleteFrom( "portal_sessions" ).execute();
      await sql\`update cases set status = 'closed' where id = \${id}\`.execute(db);
      await sql<number>\`delete from notifications where read_at < now()\`.execute(db);
      await db.selectFrom('users').selectAll().execute();
      await sql\`select * from jrwa_classes\`.execute(db);
    `;
    expect(findTableWrites(source).sort()).toEqual([
      'cases',
      'documents',
      'notifications',
      'outgoing_items',
      'portal_sessions',
    ]);
  });

  it('tells a module, a part of the shared core and the composition root apart', () => {
    expect(ownerOfFile('src/modules/case-closing/case-closing.usecases.ts')).toBe('case-closing');
    expect(ownerOfFile('src/platform/record/transaction.ts')).toBe('platform/record');
    expect(ownerOfFile('src/platform/errors.ts')).toBe('composition');
    expect(ownerOfFile('src/demo/demo-office.ts')).toBe('composition');
  });
});

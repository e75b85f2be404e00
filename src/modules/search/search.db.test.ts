import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { addDocument } from '../documents/documents.usecases.ts';
import { registerIncoming } from '../incoming/incoming.usecases.ts';
import { runSearchIndexer } from './search-indexer.ts';
import { searchEverything, toPrefixQuery } from './search.usecases.ts';

const office = useDemoOffice();
const files = createDiskFileStore(path.join(os.tmpdir(), `obieg-search-${process.pid}`), 1 << 20);
const index = () => runSearchIndexer({ db: office.database.db, clock: office.clock, files });

describe('full-text search', () => {
  it('finds a letter, its case and a document by words of their text, without diacritics and by prefix', async () => {
    const kancelaria = await office.as('kancelaria');
    const item = await registerIncoming(
      kancelaria,
      buildIncoming({
        title: 'Wniosek o umorzenie zaległości w podatku od środków transportowych',
        sender: { ...buildIncoming().sender, name: 'Grzegorz Brzęczyszczykiewicz' },
      }),
    );
    await assignIncoming(kancelaria, item.id, { userId: office.demo.people['referent.fn']! });
    const referent = { ...(await office.as('referent.fn')), files };
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3110',
      title: 'Umorzenie zaległości – środki transportowe',
      incomingId: item.id,
    });
    await addDocument(
      referent,
      kase.id,
      { kind: 'note', title: 'Notatka służbowa' },
      {
        name: 'notatka.txt',
        content: new TextEncoder().encode('Podatnik przedłożył zaświadczenie o dochodach z ZUS.'),
      },
    );
    expect(await index()).toBeGreaterThan(0);
    expect(await index()).toBe(0);

    const kinds = async (q: string, login = 'referent.fn') =>
      (await searchEverything(await office.as(login), { q })).map((h) => h.type).sort();
    expect(await kinds('zaleglosci transport')).toEqual(['case', 'incoming']);
    expect(await kinds('Brzęczyszczyk')).toEqual(['case', 'incoming']);
    expect(await kinds('zaswiadczenie ZUS')).toEqual(['document']);
    const [hit] = await searchEverything(referent, { q: 'dochodach' });
    expect(hit).toMatchObject({ reference: kase.sign, caseId: kase.id });
    expect(hit!.excerpt).toContain('dochodach z ZUS');
    // Another unit's clerk learns nothing, not even that the letter exists.
    expect(await kinds('zaleglosci transport', 'referent.or')).toEqual([]);
  });

  it('turns any input into a safe prefix query', () => {
    expect(toPrefixQuery('Umorzenie zaległ')).toBe('umorzenie:* & zalegl:*');
    expect(toPrefixQuery("RPW/12/2026 & ' | !")).toBe('rpw:* & 12:* & 2026:*');
    expect(toPrefixQuery(' !!! ')).toBeNull();
  });
});

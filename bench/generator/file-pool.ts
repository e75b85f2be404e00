import { randomBytes, randomUUID } from 'node:crypto';
import { renderLetterPdf } from '../../src/modules/templates/letter-pdf.ts';
import { createRandom, type Random } from './random.ts';
import { personName, replyTitles, sender } from './polish-data.ts';

/**
 * Files of realistic size and type. Half a million distinct scans a year would need ~150 GB of
 * disk, so the generator draws from a pool: every stored file is a real row with its own name and
 * size, but identical content is kept once by the content-addressed store. Uploads in the load
 * test are made unique (`unique()`), so they pay the full write.
 */
export interface BenchFile {
  name: string;
  content: Uint8Array;
}

export interface FilePool {
  /** Scan of a paper letter or an electronic attachment (JPEG, 120-600 KB). */
  scan(random: Random): BenchFile;
  /** A letter drafted in the office: a real PDF with a Polish text layer (the search reads it). */
  letter(random: Random): BenchFile;
  /** A short internal note (text/plain). */
  note(random: Random): BenchFile;
}

const JPEG_HEADER = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00,
]);

function fakeScan(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(JPEG_HEADER);
  bytes.set(randomBytes(size - JPEG_HEADER.length - 2), JPEG_HEADER.length);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

export async function createFilePool(options: {
  scans: number;
  letters: number;
}): Promise<FilePool> {
  const random = createRandom(4242);
  const scans = Array.from({ length: options.scans }, () => fakeScan(random.int(120, 600) * 1024));
  const letters: Uint8Array[] = [];
  for (let i = 0; i < options.letters; i++) {
    const addressee = sender(random);
    letters.push(
      await renderLetterPdf(
        {
          office: { name: 'Urząd Miasta Demo', unit: 'Wydział Finansowy', town: 'Świnoujście' },
          sign: `FN.3110.${i + 1}.2026`,
          date: '2026-03-02',
          addressee: {
            name: addressee.name,
            address: `${addressee.address.street}\n${addressee.address.postalCode} ${addressee.address.town}`,
          },
          body: `# ${random.pick(replyTitles)}\n\nW odpowiedzi na Pana/Pani pismo uprzejmie informuję, że sprawa została rozpatrzona zgodnie z przepisami ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego.\n\n${'Uzasadnienie: organ ustalił stan faktyczny na podstawie złożonych dokumentów i ewidencji prowadzonych przez urząd. '.repeat(random.int(3, 12))}\n\nPouczenie: od niniejszej decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego za pośrednictwem organu, który ją wydał, w terminie 14 dni od dnia jej doręczenia.`,
          signature: {
            name: personName(random),
            post: 'z up. Prezydenta Miasta, naczelnik wydziału',
          },
        },
        { creationDate: new Date('2026-03-02T09:00:00Z') },
      ),
    );
  }
  const notes = Array.from({ length: 16 }, (_, i) =>
    new TextEncoder().encode(
      `Notatka służbowa nr ${i + 1}\n\nW dniu dzisiejszym przeprowadzono rozmowę telefoniczną ze stroną. ${'Strona wyjaśniła okoliczności sprawy i zobowiązała się uzupełnić dokumenty. '.repeat(random.int(2, 20))}\n`,
    ),
  );
  return {
    scan: (r) => ({ name: `skan-${r.int(1, 99999)}.jpg`, content: r.pick(scans) }),
    letter: (r) => ({ name: `pismo-${r.int(1, 99999)}.pdf`, content: r.pick(letters) }),
    note: (r) => ({ name: `notatka-${r.int(1, 99999)}.txt`, content: r.pick(notes) }),
  };
}

/** The same file with a unique trailer: a PDF comment after %%EOF, bytes after a JPEG's end. */
export function unique(file: BenchFile): BenchFile {
  const trailer = new TextEncoder().encode(`\n%bench ${randomUUID()}\n`);
  const content = new Uint8Array(file.content.byteLength + trailer.byteLength);
  content.set(file.content);
  content.set(trailer, file.content.byteLength);
  return { name: file.name, content };
}

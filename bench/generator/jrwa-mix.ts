import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseJrwa } from '../../src/modules/jrwa/jrwa.parser.ts';
import { createRandom, zipfWeights, type Random } from './random.ts';

/**
 * What letters each unit of the town hall receives, and in which JRWA class their cases go. A few
 * everyday matters (property tax, registration of residence, civil-status certificates, notaries'
 * pre-emption notices) take most of the volume; the long tail is drawn from the rest of the
 * unit's part of the demo JRWA with a Zipf skew.
 */
export type CaseUnit = 'FN' | 'GK' | 'USC' | 'SO' | 'AB' | 'GN' | 'OSR' | 'OR';

interface Matter {
  symbol: string;
  titles: string[];
}

const EVERYDAY: Record<CaseUnit, Matter[]> = {
  FN: [
    {
      symbol: '3110',
      titles: [
        'Informacja o nieruchomościach i obiektach budowlanych (IN-1)',
        'Deklaracja na podatek od nieruchomości (DN-1)',
        'Korekta informacji o nieruchomościach',
        'Wniosek o rozłożenie na raty zaległości w podatku od nieruchomości',
        'Odwołanie od decyzji w sprawie wymiaru podatku od nieruchomości',
      ],
    },
    {
      symbol: '3118',
      titles: [
        'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
        'Wniosek o zaświadczenie o wielkości gospodarstwa rolnego',
      ],
    },
    {
      symbol: '3111',
      titles: ['Informacja o gruntach (IR-1)', 'Wniosek o ulgę inwestycyjną w podatku rolnym'],
    },
    { symbol: '3114', titles: ['Deklaracja na podatek od środków transportowych (DT-1)'] },
    {
      symbol: '313',
      titles: [
        'Zapytanie komornika o stan zaległości podatkowych',
        'Wniosek o umorzenie zaległości podatkowej',
      ],
    },
    { symbol: '3120', titles: ['Wniosek o zwrot opłaty skarbowej'] },
  ],
  GK: [
    {
      symbol: '7040',
      titles: [
        'Wniosek o naprawę nawierzchni drogi gminnej',
        'Zgłoszenie uszkodzonego chodnika',
        'Wniosek o ustawienie progu zwalniającego',
      ],
    },
    {
      symbol: '7062',
      titles: ['Zgłoszenie zaśmieconej posesji', 'Skarga na nieodebrane odpady komunalne'],
    },
    { symbol: '71433', titles: ['Wniosek o przyznanie dodatku mieszkaniowego'] },
    {
      symbol: '71404',
      titles: [
        'Wniosek o najem lokalu mieszkalnego z zasobu gminy',
        'Wniosek o zamianę lokalu komunalnego',
      ],
    },
    { symbol: '7044', titles: ['Zgłoszenie niedziałającej latarni ulicznej'] },
    { symbol: '55481', titles: ['Wniosek o zezwolenie na zajęcie pasa drogowego'] },
    { symbol: '7093', titles: ['Wniosek o przedłużenie prawa do grobu na cmentarzu komunalnym'] },
  ],
  USC: [
    {
      symbol: '5141',
      titles: [
        'Wniosek o wydanie skróconego odpisu aktu urodzenia',
        'Wniosek o wydanie skróconego odpisu aktu małżeństwa',
      ],
    },
    {
      symbol: '5140',
      titles: [
        'Wniosek o wydanie odpisu zupełnego aktu urodzenia',
        'Wniosek o wydanie odpisu zupełnego aktu zgonu',
      ],
    },
    { symbol: '5142', titles: ['Wniosek o wydanie zaświadczenia o stanie cywilnym'] },
    { symbol: '5150', titles: ['Wniosek o transkrypcję zagranicznego aktu urodzenia'] },
    { symbol: '5135', titles: ['Wniosek o sprostowanie aktu stanu cywilnego'] },
    { symbol: '5145', titles: ['Wniosek o nadanie medalu za długoletnie pożycie małżeńskie'] },
  ],
  SO: [
    {
      symbol: '5113',
      titles: [
        'Zgłoszenie pobytu stałego',
        'Zgłoszenie pobytu czasowego',
        'Zgłoszenie wymeldowania z pobytu stałego',
      ],
    },
    {
      symbol: '51151',
      titles: ['Wniosek o wymeldowanie z pobytu stałego (decyzja administracyjna)'],
    },
    { symbol: '51180', titles: ['Wniosek o udostępnienie danych z rejestru mieszkańców'] },
    { symbol: '5125', titles: ['Wniosek o wydanie zaświadczenia o utracie dowodu osobistego'] },
    {
      symbol: '5023',
      titles: ['Zawiadomienie o zamiarze zorganizowania zgromadzenia publicznego'],
    },
    { symbol: '5022', titles: ['Zgłoszenie zbiórki publicznej'] },
  ],
  AB: [
    {
      symbol: '7331',
      titles: [
        'Wniosek o wydanie decyzji o warunkach zabudowy',
        'Wniosek o przeniesienie decyzji o warunkach zabudowy',
      ],
    },
    {
      symbol: '7327',
      titles: [
        'Wniosek o wypis i wyrys z miejscowego planu zagospodarowania przestrzennego',
        'Wniosek o zaświadczenie o przeznaczeniu działki w planie miejscowym',
      ],
    },
    {
      symbol: '7353',
      titles: [
        'Zgłoszenie budowy wolnostojącego budynku gospodarczego',
        'Wniosek o pozwolenie na przebudowę budynku mieszkalnego',
      ],
    },
    { symbol: '7357', titles: ['Zgłoszenie zamiaru rozbiórki obiektu budowlanego'] },
  ],
  GN: [
    {
      symbol: '72210',
      titles: ['Zawiadomienie notariusza o zawarciu warunkowej umowy sprzedaży – prawo pierwokupu'],
    },
    { symbol: '7411', titles: ['Wniosek o nadanie numeru porządkowego nieruchomości'] },
    { symbol: '7430', titles: ['Wniosek o zatwierdzenie projektu podziału nieruchomości'] },
    { symbol: '72243', titles: ['Wniosek o dzierżawę gruntu stanowiącego własność gminy'] },
    { symbol: '72212', titles: ['Wniosek o zezwolenie na czasowe zajęcie terenu gminnego'] },
  ],
  OSR: [
    {
      symbol: '6133',
      titles: [
        'Wniosek o wydanie zezwolenia na usunięcie drzew',
        'Zgłoszenie zamiaru usunięcia drzewa z terenu nieruchomości',
      ],
    },
    { symbol: '7624', titles: ['Wniosek o wydanie decyzji o środowiskowych uwarunkowaniach'] },
    {
      symbol: '7621',
      titles: [
        'Zgłoszenie zanieczyszczenia terenu',
        'Skarga na uciążliwy hałas z działalności gospodarczej',
      ],
    },
  ],
  OR: [
    {
      symbol: '0561',
      titles: ['Skarga na działanie pracownika urzędu', 'Skarga na przewlekłe załatwianie sprawy'],
    },
    {
      symbol: '0562',
      titles: [
        'Wniosek mieszkańców w sprawie organizacji ruchu',
        'Petycja w sprawie budowy placu zabaw',
      ],
    },
    {
      symbol: '4031',
      titles: [
        'Zaproszenie na uroczystość jubileuszową',
        'Zaproszenie na obchody Święta Niepodległości',
      ],
    },
    { symbol: '0144', titles: ['Zarządzenie Wojewody Zachodniopomorskiego – do wiadomości'] },
  ],
};

/** JRWA prefixes of the long tail per unit (its part of the file plan). */
const TAIL_PREFIXES: Record<CaseUnit, string[]> = {
  FN: ['30', '31', '32', '33'],
  GK: ['70', '71', '55'],
  USC: ['513', '514', '515'],
  SO: ['50', '511', '512', '52'],
  AB: ['73'],
  GN: ['72', '74', '63'],
  OSR: ['76', '61', '62'],
  OR: ['00', '01', '04', '05', '06', '07', '08', '09', '1'],
};

const LETTER_KINDS = [
  'Wniosek w sprawie',
  'Pismo w sprawie',
  'Zapytanie w sprawie',
  'Informacja w sprawie',
];

/** Share of letters by unit: matches how many case handlers each unit has (bench-office.ts). */
export const UNIT_LETTER_WEIGHTS: Record<CaseUnit, number> = {
  FN: 7,
  GK: 5,
  AB: 4,
  GN: 4,
  USC: 3,
  SO: 3,
  OSR: 2,
  OR: 2,
};

export interface JrwaDraw {
  symbol: string;
  title: string;
}

export interface JrwaMix {
  draw(random: Random, unit: CaseUnit): JrwaDraw;
  /** Every final class the mix may draw for a unit (for tests of the mix itself). */
  symbols(unit: CaseUnit): string[];
}

const demoJrwaPath = fileURLToPath(
  new URL('../../src/demo/data/jrwa-gmina-swinoujscie.tsv', import.meta.url),
);

export function loadJrwaMix(): JrwaMix {
  const parsed = parseJrwa(fs.readFileSync(demoJrwaPath, 'utf8'));
  const usable = new Map(
    parsed.classes.filter((c) => c.isFinal && c.category).map((c) => [c.symbol, c.title]),
  );
  const shuffle = createRandom(20260101);
  const perUnit = new Map<CaseUnit, { everyday: Matter[]; tail: JrwaDraw[] }>();
  for (const unit of Object.keys(EVERYDAY) as CaseUnit[]) {
    const everyday = EVERYDAY[unit].filter((m) => usable.has(m.symbol));
    const missing = EVERYDAY[unit].filter((m) => !usable.has(m.symbol)).map((m) => m.symbol);
    if (missing.length) throw new Error(`bench JRWA mix: no final class ${missing.join(', ')}`);
    const tail = [...usable.entries()]
      .filter(([symbol]) => TAIL_PREFIXES[unit].some((p) => symbol.startsWith(p)))
      .filter(([symbol]) => !everyday.some((m) => m.symbol === symbol))
      .map(([symbol, title]) => ({ symbol, title }))
      .sort(() => shuffle.next() - 0.5);
    perUnit.set(unit, { everyday, tail });
  }
  const tailWeights = new Map<number, number[]>();
  return {
    draw(random, unit) {
      const { everyday, tail } = perUnit.get(unit)!;
      // 80% everyday matters (Zipf over the list above), 20% the long tail (Zipf over the rest).
      if (random.chance(0.8) || tail.length === 0) {
        const weights = zipfWeights(everyday.length, 1.0);
        const matter = everyday[random.weighted(weights)]!;
        return { symbol: matter.symbol, title: random.pick(matter.titles) };
      }
      let weights = tailWeights.get(tail.length);
      if (!weights) tailWeights.set(tail.length, (weights = zipfWeights(tail.length, 1.2)));
      const entry = tail[random.weighted(weights)]!;
      return {
        symbol: entry.symbol,
        title: `${random.pick(LETTER_KINDS)}: ${entry.title.charAt(0).toLowerCase()}${entry.title.slice(1)}`,
      };
    },
    symbols: (unit) => {
      const { everyday, tail } = perUnit.get(unit)!;
      return [...everyday.map((m) => m.symbol), ...tail.map((t) => t.symbol)];
    },
  };
}

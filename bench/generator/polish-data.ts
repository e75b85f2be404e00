import type { Random } from './random.ts';

/**
 * Who writes to a town hall of ~65,000 inhabitants: residents (most letters), firms, notaries,
 * courts and bailiffs, other public bodies. Names and addresses are synthetic but Polish.
 */
const MALE_FIRST = [
  'Jan',
  'Piotr',
  'Krzysztof',
  'Andrzej',
  'Tomasz',
  'Paweł',
  'Michał',
  'Marcin',
  'Grzegorz',
  'Józef',
  'Adam',
  'Łukasz',
  'Zbigniew',
  'Ryszard',
  'Dariusz',
  'Mateusz',
  'Wojciech',
  'Jakub',
  'Kamil',
  'Stanisław',
];
const FEMALE_FIRST = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Magdalena',
  'Joanna',
  'Zofia',
  'Monika',
  'Teresa',
  'Danuta',
  'Natalia',
  'Aleksandra',
  'Karolina',
  'Beata',
  'Jadwiga',
];
/** Surnames as [masculine, feminine]. */
const SURNAMES: Array<[string, string]> = [
  ['Nowak', 'Nowak'],
  ['Kowalski', 'Kowalska'],
  ['Wiśniewski', 'Wiśniewska'],
  ['Wójcik', 'Wójcik'],
  ['Kowalczyk', 'Kowalczyk'],
  ['Kamiński', 'Kamińska'],
  ['Lewandowski', 'Lewandowska'],
  ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'],
  ['Woźniak', 'Woźniak'],
  ['Dąbrowski', 'Dąbrowska'],
  ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'],
  ['Mazur', 'Mazur'],
  ['Kwiatkowski', 'Kwiatkowska'],
  ['Krawczyk', 'Krawczyk'],
  ['Piotrowski', 'Piotrowska'],
  ['Grabowski', 'Grabowska'],
  ['Nowakowski', 'Nowakowska'],
  ['Pawłowski', 'Pawłowska'],
  ['Michalski', 'Michalska'],
  ['Adamczyk', 'Adamczyk'],
  ['Dudek', 'Dudek'],
  ['Zając', 'Zając'],
  ['Wieczorek', 'Wieczorek'],
  ['Jabłoński', 'Jabłońska'],
  ['Król', 'Król'],
  ['Majewski', 'Majewska'],
  ['Olszewski', 'Olszewska'],
  ['Jaworski', 'Jaworska'],
  ['Wróbel', 'Wróbel'],
  ['Malinowski', 'Malinowska'],
  ['Pawlak', 'Pawlak'],
  ['Witkowski', 'Witkowska'],
  ['Walczak', 'Walczak'],
  ['Stępień', 'Stępień'],
  ['Górski', 'Górska'],
  ['Rutkowski', 'Rutkowska'],
  ['Michalak', 'Michalak'],
  ['Sikora', 'Sikora'],
  ['Ostrowski', 'Ostrowska'],
  ['Baran', 'Baran'],
];
const STREETS = [
  'ul. Wojska Polskiego',
  'ul. Grunwaldzka',
  'ul. Armii Krajowej',
  'ul. Konstytucji 3 Maja',
  'ul. Piłsudskiego',
  'ul. Mickiewicza',
  'ul. Słowackiego',
  'ul. Kościuszki',
  'ul. Matejki',
  'ul. Chopina',
  'ul. Kolejowa',
  'ul. Lipowa',
  'ul. Polna',
  'ul. Leśna',
  'ul. Słoneczna',
  'ul. Krótka',
  'ul. Ogrodowa',
  'ul. Szkolna',
  'ul. Morska',
  'ul. Portowa',
  'ul. Bałtycka',
  'ul. Kasprowicza',
  'ul. Żeromskiego',
  'ul. Sienkiewicza',
  'pl. Wolności',
  'al. Niepodległości',
  'ul. Jana Pawła II',
  'ul. Dworcowa',
  'ul. Rybacka',
  'ul. Sosnowa',
];
/** Most senders live in the town itself; the rest in the county and the region. */
const TOWNS: Array<{ town: string; postalCode: string; weight: number }> = [
  { town: 'Świnoujście', postalCode: '72-600', weight: 70 },
  { town: 'Międzyzdroje', postalCode: '72-500', weight: 5 },
  { town: 'Wolin', postalCode: '72-510', weight: 4 },
  { town: 'Kamień Pomorski', postalCode: '72-400', weight: 3 },
  { town: 'Szczecin', postalCode: '70-403', weight: 10 },
  { town: 'Police', postalCode: '72-010', weight: 3 },
  { town: 'Goleniów', postalCode: '72-100', weight: 3 },
  { town: 'Stargard', postalCode: '73-110', weight: 2 },
];
const FIRM_KINDS = [
  'Usługi Remontowo-Budowlane',
  'Zakład Instalacji Sanitarnych',
  'Biuro Rachunkowe',
  'Przedsiębiorstwo Handlowo-Usługowe',
  'Pracownia Projektowa',
  'Transport Ciężarowy',
  'Pensjonat',
  'Apteka',
  'Sklep Spożywczy',
  'Gabinet Weterynaryjny',
];
const INSTITUTIONS = [
  'Zakład Ubezpieczeń Społecznych Oddział w Szczecinie',
  'Kasa Rolniczego Ubezpieczenia Społecznego',
  'Naczelnik Urzędu Skarbowego w Świnoujściu',
  'Sąd Rejonowy w Świnoujściu, Wydział I Cywilny',
  'Komornik Sądowy przy Sądzie Rejonowym w Świnoujściu',
  'Wojewoda Zachodniopomorski',
  'Regionalna Izba Obrachunkowa w Szczecinie',
  'Samorządowe Kolegium Odwoławcze w Szczecinie',
  'Komenda Miejska Policji w Świnoujściu',
  'Państwowy Powiatowy Inspektor Sanitarny w Świnoujściu',
  'Regionalna Dyrekcja Ochrony Środowiska w Szczecinie',
  'Miejski Ośrodek Pomocy Społecznej w Świnoujściu',
  'Spółdzielnia Mieszkaniowa „Słowianin”',
  'Wspólnota Mieszkaniowa ul. Bałtycka 12',
  'Zarząd Morskiego Portu Świnoujście S.A.',
  'Kancelaria Notarialna notariusz Anna Wysocka',
  'Kancelaria Notarialna notariusz Marek Lis',
  'Zakład Wodociągów i Kanalizacji Sp. z o.o.',
  'Powiatowy Urząd Pracy',
  'Rzecznik Praw Obywatelskich',
];

export interface Sender {
  name: string;
  address: { street: string; postalCode: string; town: string; country: string };
}

export function personName(random: Random): string {
  const female = random.chance(0.52);
  const [masculine, feminine] = random.pick(SURNAMES);
  return `${random.pick(female ? FEMALE_FIRST : MALE_FIRST)} ${female ? feminine : masculine}`;
}

function address(random: Random): Sender['address'] {
  const place = TOWNS[random.weighted(TOWNS.map((t) => t.weight))]!;
  const house = `${random.int(1, 120)}${random.chance(0.4) ? `/${random.int(1, 40)}` : ''}`;
  return {
    street: `${random.pick(STREETS)} ${house}`,
    postalCode: place.postalCode,
    town: place.town,
    country: 'Polska',
  };
}

/** 70% residents, 18% firms, 12% institutions (courts, ZUS, notaries, ...). */
export function sender(random: Random): Sender {
  const roll = random.next();
  const name =
    roll < 0.7
      ? personName(random)
      : roll < 0.88
        ? `${random.pick(FIRM_KINDS)} ${personName(random)}${random.chance(0.3) ? ' Sp. z o.o.' : ''}`
        : random.pick(INSTITUTIONS);
  return { name, address: address(random) };
}

export const channels = ['paper', 'epuap', 'edoreczenia', 'email', 'portal'] as const;
/** Paper still dominates in a town hall; ePUAP and e-Doręczenia grow. */
export const channelWeights = [55, 22, 12, 6, 5];

/** Phrases that end a case: what the office sends back. */
export const replyTitles = [
  'Odpowiedź na wniosek',
  'Decyzja',
  'Zaświadczenie',
  'Wezwanie do uzupełnienia braków formalnych',
  'Zawiadomienie o wszczęciu postępowania',
  'Postanowienie',
  'Informacja o sposobie załatwienia sprawy',
  'Zawiadomienie o zebraniu materiału dowodowego (art. 10 KPA)',
];

export const noteTitles = [
  'Notatka służbowa z rozmowy telefonicznej',
  'Notatka z oględzin w terenie',
  'Protokół z czynności sprawdzających',
  'Opinia wewnętrzna komórki',
  'Wydruk z rejestru',
];

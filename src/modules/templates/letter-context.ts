/**
 * What a letter drafted in a case says about the case: the placeholder values and the parts of
 * the letter around the body (letterhead, sign, addressee, signature), read in the caller's
 * transaction so a draft made as part of a larger change sees that change.
 */
import { localDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { PostalAddress, Row } from '../../platform/db/schema.ts';
import { listCasePartyRows } from '../cases/case-parties.usecases.ts';
import type { LocalDate } from '../deadlines/local-date.ts';
import { NO_DATA } from '../incoming/incoming.schemas.ts';
import { formatLetterDate } from './letter-date.ts';
import type { Letter } from './letter-pdf.ts';
import type { PlaceholderName } from './template-render.ts';
import { findLetterhead } from './templates.repository.ts';

export interface Addressee {
  name: string;
  address: string;
}

export interface LetterContext {
  /** Every catalogue placeholder; `null` where the case has no such value. */
  values: Record<PlaceholderName, string | null>;
  /** The letter around the body; `town` is null until the office letterhead names it. */
  frame: Omit<Letter, 'body' | 'title' | 'office'> & {
    office: Omit<Letter['office'], 'town'> & { town: string | null };
  };
}

/** "Urząd Miasta Demo" → "Demo": a usable place until the administrator sets the letterhead. */
const TOWN_IN_OFFICE_NAME = /^Urząd (?:Miasta i Gminy|Miasta|Gminy) (\S.*)$/;

export async function loadLetterContext(
  db: Executor,
  kase: Row<'cases'>,
  today: LocalDate,
  addressee?: Addressee,
): Promise<LetterContext> {
  const office = await db
    .selectFrom('offices')
    .select('name')
    .where('id', '=', kase.office_id)
    .executeTakeFirstOrThrow();
  const letterhead = await findLetterhead(db, kase.office_id);
  const unit = await db
    .selectFrom('units')
    .select('name')
    .where('id', '=', kase.unit_id)
    .executeTakeFirstOrThrow();
  const handler = await db
    .selectFrom('users')
    .leftJoin('positions', 'positions.id', 'users.position_id')
    .select(['users.name', 'positions.name as position'])
    .where('users.id', '=', kase.handler_id)
    .executeTakeFirstOrThrow();
  const letter = await findPartyLetter(db, kase);
  const recorded = await listCasePartyRows(db, kase.id);
  // The parties of the case; a case from before parties were recorded: its first letter's sender.
  const parties: Addressee[] = recorded.length
    ? recorded.map((p) => ({ name: p.name, address: formatAddress(p.address) }))
    : letter
      ? [partyOf(letter)]
      : [];
  const extension = await db
    .selectFrom('case_deadline_extensions')
    .select(['previous_due', 'new_due', 'reason'])
    .where('case_id', '=', kase.id)
    .orderBy('created_at', 'desc')
    .orderBy('new_due', 'desc')
    .executeTakeFirst();

  const party = addressee ?? parties[0];
  const partyName = known(party?.name);
  // A letter to several parties is addressed to them all by a distribution list (rozdzielnik).
  const toAll = !addressee && parties.length > 1;
  const town = letterhead?.town ?? TOWN_IN_OFFICE_NAME.exec(office.name)?.[1] ?? null;
  const date = (value: string | null | undefined) => (value ? formatLetterDate(value) : null);
  const values: LetterContext['values'] = {
    'case.signature': kase.sign,
    'case.title': kase.title,
    'case.opened_on': date(localDate(kase.opened_at)),
    'party.name': partyName,
    'party.address': known(party?.address),
    'parties.list': parties.length
      ? parties
          .map((p, i) => `${i + 1}. ${[p.name, known(p.address)].filter(Boolean).join(', ')}`)
          .map((line) => line.replace(/\n/g, ', '))
          .join('\n')
      : null,
    'incoming.sign': letter?.rpw_sign ?? null,
    'incoming.received_on': date(letter && localDate(letter.received_at)),
    today: date(today),
    'deadline.due': date(kase.deadline_due),
    'extension.previous_due': date(extension?.previous_due),
    'extension.new_due': date(extension?.new_due),
    'extension.reason': extension?.reason ?? null,
    'handler.name': handler.name,
    'handler.position': handler.position,
    'unit.name': unit.name,
    'office.name': office.name,
    'office.town': town,
    'office.address': letterhead?.address ?? null,
  };
  return {
    values,
    frame: {
      office: {
        name: office.name,
        unit: unit.name,
        town,
        ...(letterhead?.address ? { address: letterhead.address } : {}),
      },
      sign: kase.sign,
      date: today,
      addressee: toAll
        ? { name: 'Strony postępowania według rozdzielnika', address: '' }
        : partyName
          ? { name: partyName, address: known(party?.address) ?? '' }
          : undefined,
      signature: { name: handler.name, post: handler.position ?? '' },
    },
  };
}

/** The party is the sender of the initiating letter, or else of the first letter in the case. */
function findPartyLetter(db: Executor, kase: Row<'cases'>) {
  let query = db
    .selectFrom('incoming_items')
    .select(['id', 'rpw_sign', 'received_at', 'sender_name', 'sender_address'])
    .where('office_id', '=', kase.office_id);
  query = kase.initiating_incoming_id
    ? query.where('id', '=', kase.initiating_incoming_id)
    : query.where('case_id', '=', kase.id).orderBy('received_at').orderBy('rpw_sign').limit(1);
  return query.executeTakeFirst();
}

function partyOf(letter: { sender_name: string; sender_address: PostalAddress }): Addressee {
  return { name: letter.sender_name, address: formatAddress(letter.sender_address) };
}

function formatAddress(a: PostalAddress | null): string {
  if (!a) return '';
  const lines = [
    a.street,
    [a.postalCode, a.town].filter(Boolean).join(' '),
    a.country && a.country.toLowerCase() !== 'polska' ? a.country : undefined,
  ];
  return lines.filter((l) => l && l !== NO_DATA).join('\n');
}

/** "brak danych" is how the register writes an unknown value; a letter must not print it. */
function known(value: string | undefined): string | null {
  return value && value.trim() !== '' && value.trim() !== NO_DATA ? value : null;
}

/**
 * Text of the notice required by art. 36 § 1 KPA when a case is not settled on time: the reason,
 * the new date, and the instruction on the right to a complaint of delay (ponaglenie, art. 37).
 * "Organ administracji publicznej jest obowiązany zawiadomić strony": it goes to every party of
 * the case, listed as the letter's addressees (rozdzielnik), not only to the sender of the
 * initiating letter. Kept with the extension even when the office's template cannot be rendered.
 */
export interface DelayNoticeInput {
  officeName: string;
  caseSign: string;
  caseTitle: string;
  /** Every party of the case; empty when none is recorded yet. */
  partyNames: readonly string[];
  /** Null when the case was to be settled without delay (art. 35 § 2). */
  previousDue: string | null;
  newDue: string;
  reason: string;
  handlerName: string;
  handlerPost: string;
  today: string;
}

const pl = (date: string) => date.split('-').reverse().join('.');

function addressees(names: readonly string[]): { head: string; list: string | null } {
  if (names.length === 0) return { head: 'Strony postępowania', list: null };
  if (names.length === 1) return { head: names[0]!, list: null };
  return {
    head: 'Strony postępowania (według rozdzielnika)',
    list: ['Otrzymują:', ...names.map((name, i) => `${i + 1}. ${name}`)].join('\n'),
  };
}

export function delayNoticeText(n: DelayNoticeInput): string {
  const to = addressees(n.partyNames);
  const missed = n.previousDue
    ? `nie zostanie załatwiona w terminie do dnia ${pl(n.previousDue)} r.`
    : 'nie zostanie załatwiona niezwłocznie (art. 35 § 2 KPA).';
  return [
    `${n.officeName}, dnia ${pl(n.today)} r.`,
    `Znak sprawy: ${n.caseSign}`,
    to.head,
    'ZAWIADOMIENIE',
    `Na podstawie art. 36 § 1 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego zawiadamiam, że sprawa „${n.caseTitle}” ${missed}`,
    `Przyczyna zwłoki: ${n.reason}.`,
    `Nowy termin załatwienia sprawy wyznaczam na dzień ${pl(n.newDue)} r.`,
    'Pouczenie: zgodnie z art. 37 § 1 KPA stronie służy prawo do wniesienia ponaglenia, jeżeli sprawa nie została załatwiona w terminie (bezczynność) lub postępowanie jest prowadzone dłużej niż jest to niezbędne do załatwienia sprawy (przewlekłość). Ponaglenie wnosi się do organu wyższego stopnia za pośrednictwem organu prowadzącego postępowanie; ponaglenie zawiera uzasadnienie.',
    `${n.handlerName}\n${n.handlerPost}`,
    ...(to.list ? [to.list] : []),
  ].join('\n\n');
}

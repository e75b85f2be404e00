/**
 * Draft of the notice required by art. 36 § 1 KPA when a case is not settled on time: the reason,
 * the new date, and the instruction on the right to a complaint of delay (ponaglenie, art. 37).
 */
export interface DelayNoticeInput {
  officeName: string;
  caseSign: string;
  caseTitle: string;
  partyName: string;
  previousDue: string;
  newDue: string;
  reason: string;
  handlerName: string;
  handlerPost: string;
  today: string;
}

const pl = (date: string) => date.split('-').reverse().join('.');

export function delayNoticeText(n: DelayNoticeInput): string {
  return [
    `${n.officeName}, dnia ${pl(n.today)} r.`,
    `Znak sprawy: ${n.caseSign}`,
    n.partyName,
    'ZAWIADOMIENIE',
    `Na podstawie art. 36 § 1 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego zawiadamiam, że sprawa „${n.caseTitle}” nie zostanie załatwiona w terminie do dnia ${pl(n.previousDue)} r.`,
    `Przyczyna zwłoki: ${n.reason}.`,
    `Nowy termin załatwienia sprawy wyznaczam na dzień ${pl(n.newDue)} r.`,
    'Pouczenie: zgodnie z art. 37 § 1 KPA stronie służy prawo do wniesienia ponaglenia, jeżeli sprawa nie została załatwiona w terminie (bezczynność) lub postępowanie jest prowadzone dłużej niż jest to niezbędne do załatwienia sprawy (przewlekłość). Ponaglenie wnosi się do organu wyższego stopnia za pośrednictwem organu prowadzącego postępowanie; ponaglenie zawiera uzasadnienie.',
    `${n.handlerName}\n${n.handlerPost}`,
  ].join('\n\n');
}

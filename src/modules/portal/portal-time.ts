import { localDate } from '../../platform/clock.ts';
import { formatLetterDate } from '../templates/letter-date.ts';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** Time of day in Poland and the offset from UTC at that instant ("+01:00" or "+02:00"). */
function warsawClock(instant: Date) {
  const map = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  const offset = (map.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return { time: `${map.hour}:${map.minute}:${map.second}`, offset };
}

/** `2026-03-02T09:15:00+01:00`: an instant as Polish law reads it, with the offset written out. */
export function warsawIso(instant: Date): string {
  const { time, offset } = warsawClock(instant);
  return `${localDate(instant)}T${time}${offset}`;
}

/** "2 marca 2026 r., godz. 09:15:00". */
export function warsawDisplay(instant: Date): string {
  return `${formatLetterDate(localDate(instant))}, godz. ${warsawClock(instant).time}`;
}

/** "2 marca 2026 r." for a `YYYY-MM-DD` day. */
export const displayDate = (day: string) => formatLetterDate(day);

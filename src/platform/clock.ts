/** Time is injected so that tests run against a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  iso: string,
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next) => (current = new Date(next)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

const OFFICE_TIME_ZONE = 'Europe/Warsaw';
const warsawDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Poland (registers and case signatures count by the Polish calendar year). */
export function localDate(instant: Date): string {
  return warsawDateFormat.format(instant);
}

export function localYear(instant: Date): number {
  return Number(localDate(instant).slice(0, 4));
}

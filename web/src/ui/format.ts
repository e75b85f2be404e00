import { useTranslation } from 'react-i18next';

const locale = (language: string) => (language.startsWith('en') ? 'en-GB' : 'pl-PL');

/** Date and time formatting in the UI's language, in the office's time zone (Europe/Warsaw). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = locale(i18n.language);
  return {
    date(value: string | null | undefined): string {
      if (!value) return '—';
      // Plain dates (YYYY-MM-DD, or partial ones from letters) are shown as they are written.
      if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
        if (value.length < 10) return value;
        const [y, m, d] = value.split('-').map(Number) as [number, number, number];
        return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(Date.UTC(y, m - 1, d)),
        );
      }
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      return new Intl.DateTimeFormat(lang, {
        dateStyle: 'medium',
        timeZone: 'Europe/Warsaw',
      }).format(date);
    },
    dateTime(value: string | null | undefined): string {
      if (!value) return '—';
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      return new Intl.DateTimeFormat(lang, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Warsaw',
      }).format(date);
    },
    bytes(size: number): string {
      if (size < 1024) return `${size} B`;
      if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} kB`;
      return `${(size / 1024 / 1024).toFixed(1)} MB`;
    },
    money(grosz: number | null | undefined): string {
      if (grosz === null || grosz === undefined) return '—';
      return new Intl.NumberFormat(lang, { style: 'currency', currency: 'PLN' }).format(
        grosz / 100,
      );
    },
  };
}

/** Today in Warsaw as YYYY-MM-DD. */
export function todayInWarsaw(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
}

/** Now as a value for <input type="datetime-local"> (local wall-clock time, minutes). */
export function nowForInput(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A datetime-local value as an ISO instant with the browser's offset (what the API expects). */
export function localInputToIso(value: string): string {
  const date = new Date(value);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

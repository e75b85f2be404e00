import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  holidayName,
  isHoliday,
  isSaturday,
  isSunday,
  isWorkingDay,
  polishHolidays,
  shiftToWorkingDay,
  workingDaysBetween,
} from './calendar.ts';
import { addDays, daysBetween, isoWeekday } from './local-date.ts';

describe('Easter Sunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('falls in %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('reaches the earliest possible date, 22 March, in 1818 and 2285', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('reaches the latest possible date, 25 April, in 1943 and 2038', () => {
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('is always a Sunday between 22 March and 25 April for every Gregorian year to 9999', () => {
    for (let year = 1583; year <= 9999; year += 1) {
      const easter = easterSunday(year);
      expect(isoWeekday(easter)).toBe(7);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });

  it('refuses years outside the Gregorian calendar it computes', () => {
    expect(() => easterSunday(1500)).toThrow(
      expect.objectContaining({ code: 'deadline.unsupported_date' }),
    );
    expect(() => easterSunday(2025.5)).toThrow(
      expect.objectContaining({ code: 'deadline.unsupported_date' }),
    );
  });
});

describe('moveable holidays', () => {
  it.each([
    [2024, '2024-05-19', '2024-05-30'],
    [2025, '2025-06-08', '2025-06-19'],
    [2026, '2026-05-24', '2026-06-04'],
    [2027, '2027-05-16', '2027-05-27'],
  ])('in %i Pentecost is %s and Corpus Christi %s', (year, pentecost, corpusChristi) => {
    expect(holidayName(pentecost)).toBe('Zielone Świątki');
    expect(holidayName(corpusChristi)).toBe('Boże Ciało');
    expect(daysBetween(easterSunday(year), pentecost)).toBe(49);
    expect(daysBetween(easterSunday(year), corpusChristi)).toBe(60);
    expect(isoWeekday(corpusChristi)).toBe(4);
  });

  it('makes Easter Monday a day off', () => {
    expect(holidayName('2026-04-06')).toBe('Poniedziałek Wielkanocny');
    expect(isWorkingDay('2026-04-06')).toBe(false);
  });
});

describe('statutory holidays of a year', () => {
  it('lists the 2026 holidays in date order under their Polish names', () => {
    expect(polishHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nowy Rok' },
      { date: '2026-01-06', name: 'Trzech Króli' },
      { date: '2026-04-05', name: 'Wielkanoc' },
      { date: '2026-04-06', name: 'Poniedziałek Wielkanocny' },
      { date: '2026-05-01', name: 'Święto Pracy' },
      { date: '2026-05-03', name: 'Święto Konstytucji 3 Maja' },
      { date: '2026-05-24', name: 'Zielone Świątki' },
      { date: '2026-06-04', name: 'Boże Ciało' },
      { date: '2026-08-15', name: 'Wniebowzięcie NMP' },
      { date: '2026-11-01', name: 'Wszystkich Świętych' },
      { date: '2026-11-11', name: 'Narodowe Święto Niepodległości' },
      { date: '2026-12-24', name: 'Wigilia Bożego Narodzenia' },
      { date: '2026-12-25', name: 'Boże Narodzenie' },
      { date: '2026-12-26', name: 'Drugi dzień Bożego Narodzenia' },
    ]);
  });

  it.each([
    [2010, 12],
    [2011, 13],
    [2024, 13],
    [2025, 14],
  ])('has in %i exactly %i named holidays', (year, count) => {
    expect(polishHolidays(year)).toHaveLength(count);
  });

  it('treats 6 January (Trzech Króli) as a working day in 2010 and a holiday from 2011', () => {
    expect(isWorkingDay('2010-01-06')).toBe(true);
    expect(holidayName('2011-01-06')).toBe('Trzech Króli');
    expect(isWorkingDay('2011-01-06')).toBe(false);
  });

  it('treats 24 December as a working day in 2024 and a holiday from 2025', () => {
    expect(isHoliday('2024-12-24')).toBe(false);
    expect(isWorkingDay('2024-12-24')).toBe(true);
    expect(holidayName('2025-12-24')).toBe('Wigilia Bożego Narodzenia');
    expect(isWorkingDay('2025-12-24')).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(false);
  });

  it('refuses years before 1990, whose holidays the current list does not describe', () => {
    expect(() => polishHolidays(1989)).toThrow(
      expect.objectContaining({ code: 'deadline.unsupported_date' }),
    );
    expect(() => isWorkingDay('1985-07-22')).toThrow(
      expect.objectContaining({ code: 'deadline.unsupported_date' }),
    );
  });

  it('does not name ordinary Sundays, though they are not working days', () => {
    expect(isSunday('2026-03-01')).toBe(true);
    expect(isHoliday('2026-03-01')).toBe(false);
    expect(isWorkingDay('2026-03-01')).toBe(false);
  });
});

describe('working days', () => {
  it('counts a Monday to Friday that is not a holiday as a working day', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true);
    expect(isWorkingDay('2026-03-06')).toBe(true);
  });

  it('does not count Saturdays, Sundays or holidays falling on weekdays', () => {
    expect(isSaturday('2026-03-07')).toBe(true);
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(isWorkingDay('2026-03-08')).toBe(false);
    expect(isWorkingDay('2026-11-11')).toBe(false);
  });

  it('leaves a working day where it is when shifting to a working day', () => {
    expect(shiftToWorkingDay('2026-03-04')).toBe('2026-03-04');
  });

  it('shifts a Saturday to the following Monday', () => {
    expect(shiftToWorkingDay('2026-03-07')).toBe('2026-03-09');
  });

  it('shifts past the whole Christmas break of 2025 to Monday 29 December', () => {
    expect(shiftToWorkingDay('2025-12-24')).toBe('2025-12-29');
  });

  it('shifts Easter Sunday past Easter Monday to Tuesday', () => {
    expect(shiftToWorkingDay('2026-04-05')).toBe('2026-04-07');
  });

  it('shifts 1 May 2026 (Friday) past the weekend with 3 May to Monday 4 May', () => {
    expect(shiftToWorkingDay('2026-05-01')).toBe('2026-05-04');
  });

  it('adds working days skipping the Christmas break', () => {
    expect(addWorkingDays('2025-12-19', 3)).toBe('2025-12-29');
    expect(addWorkingDays('2025-12-29', -3)).toBe('2025-12-19');
  });

  it('returns the same day when adding zero working days, even on a Sunday', () => {
    expect(addWorkingDays('2026-03-08', 0)).toBe('2026-03-08');
  });

  it('counts one working day from Friday to the next Monday', () => {
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
  });

  // Calendar working days for art. 57 KPA; the Labour Code's working time differs for holidays
  // on Saturdays (e.g. 15 August 2026), which is not this count.
  it('counts 252 working days in 2024 and 253 in 2026', () => {
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(252);
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
  });

  it('undoes addWorkingDays with workingDaysBetween from every day of 2025 and 2026', () => {
    for (let day = '2025-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
      for (const n of [-11, -5, -1, 0, 1, 2, 5, 14]) {
        expect(workingDaysBetween(day, addWorkingDays(day, n))).toBe(n);
      }
    }
  });

  it('rejects a date that does not exist', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_date' }),
    );
    expect(() => addWorkingDays('2026-02-30', 0)).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_date' }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { clockStatus, computeClock } from './case-clock.ts';

describe('case deadline clock (art. 35-36 KPA)', () => {
  it('ends a one-month term started on the last day of January on the next working day after 28 February', () => {
    const state = computeClock({ startsOn: '2026-01-31', term: '1m', pauses: [], extensions: [] });
    expect(state).toMatchObject({
      rawEnd: '2026-02-28',
      baseDue: '2026-03-02',
      due: '2026-03-02',
      pausedDays: 0,
    });
  });

  it('does not count a closed pause: ten days waiting for the party move the end by ten days', () => {
    const state = computeClock({
      startsOn: '2026-03-02',
      term: '1m',
      pauses: [{ startsOn: '2026-03-10', endsOn: '2026-03-20', seq: 1 }],
      extensions: [],
    });
    expect(state.rawEnd).toBe('2026-04-02');
    expect(state.pausedDays).toBe(10);
    // 2 April + 10 days = Sunday 12 April → Monday 13 April.
    expect(state.due).toBe('2026-04-13');
  });

  it('stops the clock while a pause is open', () => {
    const state = computeClock({
      startsOn: '2026-03-02',
      term: '1m',
      pauses: [{ startsOn: '2026-03-10', endsOn: null, seq: 1 }],
      extensions: [],
    });
    expect(state.due).toBeNull();
    expect(state.pausedSince).toBe('2026-03-10');
    expect(clockStatus(state, '2026-05-01').status).toBe('paused');
  });

  it('takes the date of the latest extension', () => {
    const state = computeClock({
      startsOn: '2026-03-02',
      term: '1m',
      pauses: [],
      extensions: [
        { newDue: '2026-04-30', seq: 1 },
        { newDue: '2026-05-15', seq: 2 },
      ],
    });
    expect(state).toMatchObject({ due: '2026-05-15', extended: true });
  });

  it('counts working days left and marks a missed deadline as overdue', () => {
    const state = computeClock({ startsOn: '2026-03-02', term: '14d', pauses: [], extensions: [] });
    expect(state.due).toBe('2026-03-16');
    expect(clockStatus(state, '2026-03-12')).toEqual({ status: 'running', workingDaysLeft: 2 });
    expect(clockStatus(state, '2026-03-16')).toEqual({ status: 'running', workingDaysLeft: 0 });
    expect(clockStatus(state, '2026-03-18')).toEqual({ status: 'overdue', workingDaysLeft: -2 });
  });

  it('art. 35 § 5 with art. 36: a suspension recorded after an extension still moves the term — started 2026-03-02, 1 month, extended to 2026-04-30, suspended 2026-04-10 to 2026-04-20 → due Mon 2026-05-11', () => {
    const state = computeClock({
      startsOn: '2026-03-02',
      term: '1m',
      extensions: [{ newDue: '2026-04-30', seq: 1 }],
      pauses: [{ startsOn: '2026-04-10', endsOn: '2026-04-20', seq: 2 }],
    });
    // 30 April + 10 days = Sunday 10 May → Monday 11 May (art. 57 § 4).
    expect(state).toMatchObject({ due: '2026-05-11', extended: true, pausedDays: 10 });
  });

  it('stops an extended term while a pause recorded after the extension is open', () => {
    const state = computeClock({
      startsOn: '2026-03-02',
      term: '1m',
      extensions: [{ newDue: '2026-04-30', seq: 1 }],
      pauses: [{ startsOn: '2026-04-10', endsOn: null, seq: 2 }],
    });
    expect(state).toMatchObject({ due: null, pausedSince: '2026-04-10' });
  });

  it('does not count twice a pause the office knew of when it set the new date', () => {
    const state = computeClock({
      startsOn: '2026-03-02',
      term: '1m',
      pauses: [{ startsOn: '2026-03-10', endsOn: '2026-03-20', seq: 1 }],
      extensions: [{ newDue: '2026-04-30', seq: 2 }],
    });
    expect(state.due).toBe('2026-04-30');
  });

  it('art. 35 § 2: "niezwłocznie" has no day count — no end date is computed, the status is immediate', () => {
    const state = computeClock({ startsOn: '2026-03-02', term: null, pauses: [], extensions: [] });
    expect(state).toMatchObject({ rawEnd: null, baseDue: null, due: null, immediate: true });
    expect(clockStatus(state, '2026-06-01')).toEqual({
      status: 'immediate',
      workingDaysLeft: null,
    });
  });

  it('an immediate case not settled at once gets a date only from an art. 36 extension', () => {
    const state = computeClock({
      startsOn: '2026-03-02',
      term: null,
      pauses: [],
      extensions: [{ newDue: '2026-03-31', seq: 1 }],
    });
    expect(state).toMatchObject({ due: '2026-03-31', immediate: false, extended: true });
  });
});

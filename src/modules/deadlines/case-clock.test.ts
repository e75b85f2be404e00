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
      pauses: [{ startsOn: '2026-03-10', endsOn: '2026-03-20' }],
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
      pauses: [{ startsOn: '2026-03-10', endsOn: null }],
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
      extensions: [{ newDue: '2026-04-30' }, { newDue: '2026-05-15' }],
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
});

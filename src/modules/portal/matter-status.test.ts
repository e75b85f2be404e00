import { describe, expect, it } from 'vitest';
import { deriveMatterStatus, type MatterFacts } from './matter-status.ts';

const facts = (overrides: Partial<MatterFacts>): MatterFacts => ({
  submission: 'registered',
  assigned: false,
  caseStatus: null,
  openPause: null,
  decided: false,
  decisionDelivered: false,
  ...overrides,
});

describe('the status a citizen sees, derived from the registers', () => {
  it('follows a matter from receipt to delivery and closing', () => {
    expect(deriveMatterStatus(facts({ submission: 'received' }))).toBe('received');
    expect(deriveMatterStatus(facts({}))).toBe('registered');
    expect(deriveMatterStatus(facts({ assigned: true }))).toBe('assigned');
    expect(deriveMatterStatus(facts({ assigned: true, caseStatus: 'open' }))).toBe('in_progress');
    expect(deriveMatterStatus(facts({ caseStatus: 'open', decided: true }))).toBe('decided');
    expect(
      deriveMatterStatus(facts({ caseStatus: 'open', decided: true, decisionDelivered: true })),
    ).toBe('delivered');
    expect(deriveMatterStatus(facts({ caseStatus: 'closed', decided: true }))).toBe('closed');
  });

  it('tells a suspension from waiting for the party, and other pauses from neither', () => {
    expect(deriveMatterStatus(facts({ caseStatus: 'open', openPause: 'suspension' }))).toBe(
      'suspended',
    );
    expect(deriveMatterStatus(facts({ caseStatus: 'open', openPause: 'completion' }))).toBe(
      'waiting_for_party',
    );
    expect(deriveMatterStatus(facts({ caseStatus: 'open', openPause: 'party_delay' }))).toBe(
      'waiting_for_party',
    );
    expect(deriveMatterStatus(facts({ caseStatus: 'open', openPause: 'statutory_wait' }))).toBe(
      'in_progress',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  canMove,
  DOCUMENT_TRANSITIONS,
  ISSUABLE_STATUSES,
  offeredActions,
  UNRESOLVED_STATUSES,
  type DocumentStatus,
  type DocumentTransition,
} from './document-lifecycle.ts';
import { documentStatuses } from './documents.schemas.ts';

/** The statuses a transition may start from, by asking the machine about every status. */
const startsOf = (transition: DocumentTransition) =>
  documentStatuses.filter((status) => canMove(status, transition));

const to = (transition: DocumentTransition): DocumentStatus => DOCUMENT_TRANSITIONS[transition].to;

describe('the lifecycle of a document', () => {
  it('sends only a draft for approval, which puts it in approval', () => {
    expect(startsOf('send_for_approval')).toEqual(['draft']);
    expect(to('send_for_approval')).toBe('in_approval');
  });

  it('returns a document in approval to its author as a draft', () => {
    expect(startsOf('return')).toEqual(['in_approval']);
    expect(to('return')).toBe('draft');
  });

  it('approves only a document in approval', () => {
    expect(startsOf('approve')).toEqual(['in_approval']);
    expect(to('approve')).toBe('approved');
  });

  it('signs only an approved document, never a draft or one signed already', () => {
    expect(startsOf('sign')).toEqual(['approved']);
    expect(to('sign')).toBe('signed');
  });

  it('dispatches an approved (paper) or signed document, and a dispatched one again', () => {
    expect(startsOf('dispatch')).toEqual(['approved', 'signed', 'dispatched']);
    expect(to('dispatch')).toBe('dispatched');
  });

  it('cancels only a draft; a cancelled document goes nowhere', () => {
    expect(startsOf('cancel')).toEqual(['draft']);
    expect(to('cancel')).toBe('cancelled');
    const fromCancelled = (Object.keys(DOCUMENT_TRANSITIONS) as DocumentTransition[]).filter((t) =>
      canMove('cancelled', t),
    );
    expect(fromCancelled).toEqual([]);
  });

  it('issues a decision once approved, signed or dispatched; drafts in progress block closing', () => {
    expect(ISSUABLE_STATUSES).toEqual(['approved', 'signed', 'dispatched']);
    expect(UNRESOLVED_STATUSES).toEqual(['draft', 'in_approval']);
  });

  it('offers the case worker the steps of the current state', () => {
    expect(offeredActions({ status: 'draft', kind: 'letter' })).toEqual([
      'add_version',
      'send_for_approval',
      'cancel',
    ]);
    expect(offeredActions({ status: 'approved', kind: 'decision' })).toEqual([
      'sign',
      'dispatch',
      'issue_decision',
    ]);
    expect(offeredActions({ status: 'signed', kind: 'letter' })).toEqual(['dispatch']);
    expect(offeredActions({ status: 'in_approval', kind: 'decision' })).toEqual([]);
  });
});

import { definePolicy } from '../../platform/actor/policy.ts';

/**
 * The archiwum zakładowe. A unit's head (or the secretary) hands its cases over; the archivist
 * checks and accepts them, keeps the register and decides on access. Anyone who may read cases
 * may ask for access to the archive's records.
 */
export const archivePolicy = definePolicy({
  prepareTransfer: ['kierownik', 'sekretarz'],
  decideTransfer: ['archiwista'],
  readRegister: ['archiwista'],
  requestAccess: ['prowadzacy', 'kierownik', 'sekretarz', 'archiwista'],
  decideAccess: ['archiwista'],
  /** Brakowanie: lists, the commission's answers, consent, destruction, legal holds. */
  dispose: ['archiwista'],
});

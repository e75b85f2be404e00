import { definePolicy, type ResourceScope } from '../../platform/actor/policy.ts';

export const casePolicy = definePolicy({
  read: ['prowadzacy', 'kierownik', 'sekretarz', 'archiwista', 'system'],
  open: ['prowadzacy', 'kierownik', 'sekretarz', 'system'],
  work: ['prowadzacy', 'kierownik', 'sekretarz', 'system'],
  changeHandler: ['kierownik', 'sekretarz'],
});

/** A case belongs to its unit and to its handler. */
export const caseScope = (kase: { unit_id: string; handler_id: string }): ResourceScope => ({
  unitIds: [kase.unit_id],
  ownerIds: [kase.handler_id],
});

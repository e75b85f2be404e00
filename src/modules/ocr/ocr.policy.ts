import { definePolicy } from '../../platform/actor/policy.ts';

/**
 * Who may act on a letter's reading: the registry office and secretariats re-run OCR; they and
 * the letter's handlers accept or dismiss the identifier proposals (what an acceptance changes is
 * checked again by the module that owns it). Whoever may read the letter sees both.
 */
export const ocrPolicy = definePolicy({
  rerun: ['kancelaria', 'sekretariat'],
  // A handler may accept too: joining the letter to the case a sign names is theirs to do.
  decide: ['kancelaria', 'sekretariat', 'kierownik', 'prowadzacy'],
});

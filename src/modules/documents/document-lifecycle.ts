import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { documentErrors } from './documents.errors.ts';

export type DocumentStatus = Row<'documents'>['status'];

/**
 * The lifecycle of a document in a case, the one place that moves it (a document's status is
 * written nowhere else). Approvals, signatures, dispatch and the documents module itself ask it
 * to move; each checks `canMove` first to refuse with its own error.
 *
 *   draft ─send_for_approval→ in_approval ─approve→ approved ─sign→ signed
 *     ↑  └─cancel→ cancelled       │                    │              │
 *     └──────── return ────────────┘                    └─ dispatch ───┴→ dispatched ⟲ dispatch
 *
 * A dispatched document may be dispatched again (another addressee, another method). Issuing a
 * decision enters it in the register of decisions (case-closing) and leaves its status as it is.
 */
export const DOCUMENT_TRANSITIONS = {
  send_for_approval: { from: ['draft'], to: 'in_approval' },
  return: { from: ['in_approval'], to: 'draft' },
  approve: { from: ['in_approval'], to: 'approved' },
  sign: { from: ['approved'], to: 'signed' },
  dispatch: { from: ['approved', 'signed', 'dispatched'], to: 'dispatched' },
  cancel: { from: ['draft'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly DocumentStatus[]; to: DocumentStatus }>;

export type DocumentTransition = keyof typeof DOCUMENT_TRANSITIONS;

export function canMove(status: DocumentStatus, transition: DocumentTransition): boolean {
  return (DOCUMENT_TRANSITIONS[transition].from as readonly DocumentStatus[]).includes(status);
}

/** A decision (order, certificate) is issued once approved; signing and dispatch may come first. */
export const ISSUABLE_STATUSES: readonly DocumentStatus[] = ['approved', 'signed', 'dispatched'];

/** Drafts still to be resolved (approved, signed or cancelled) before the case can be closed. */
export const UNRESOLVED_STATUSES = ['draft', 'in_approval'] as const satisfies DocumentStatus[];

/**
 * What the case worker is offered for a document in each state, for the UI's buttons (the use
 * cases check again: signing also needs the person's own certificate).
 */
export function offeredActions(document: Pick<Row<'documents'>, 'status' | 'kind'>): string[] {
  const issuable = document.kind === 'decision' || document.kind === 'order';
  switch (document.status) {
    case 'draft':
      return ['add_version', 'send_for_approval', 'cancel'];
    case 'approved':
      return ['sign', 'dispatch', ...(issuable ? ['issue_decision'] : [])];
    case 'signed':
      return ['dispatch', ...(issuable ? ['issue_decision'] : [])];
    default:
      return [];
  }
}

/**
 * Moves the document along `transition` and returns its new status. The update is conditional on
 * the status the caller saw, so two concurrent steps cannot both move it: the second is refused
 * with `document.wrong_state`, as is a transition the lifecycle does not allow from that status.
 */
export async function moveDocument(
  db: Executor,
  document: Pick<Row<'documents'>, 'id' | 'status'>,
  transition: DocumentTransition,
): Promise<DocumentStatus> {
  if (!canMove(document.status, transition)) {
    throw documentErrors.wrongState({ status: document.status, transition });
  }
  const to = DOCUMENT_TRANSITIONS[transition].to;
  if (to === document.status) return to;
  const moved = await db
    .updateTable('documents')
    .set({ status: to })
    .where('id', '=', document.id)
    .where('status', '=', document.status)
    .executeTakeFirst();
  if (moved.numUpdatedRows === 0n) {
    throw documentErrors.wrongState({ status: document.status, transition });
  }
  return to;
}

import type { Actor } from '../../platform/actor/actor.ts';
import { definePolicy } from '../../platform/actor/policy.ts';
import type { Row } from '../../platform/db/schema.ts';

/**
 * Who receives letters (dekretacja): a person's assignment is theirs (or their substitute's); a
 * letter assigned to a unit as a whole goes to its head or secretariat; the secretary receives
 * any. `receive` is everyone whose desk letters are assigned to.
 */
export const assignmentPolicy = definePolicy({
  receiveForUnit: ['kierownik', 'sekretariat'],
  receiveAnywhere: ['sekretarz'],
  receive: ['prowadzacy', 'kierownik', 'sekretariat', 'sekretarz'],
});

export function isAssignee(
  actor: Actor,
  assignment: Pick<Row<'assignments'>, 'user_id' | 'unit_id'>,
): boolean {
  if (assignment.user_id) return actor.deskUserIds.includes(assignment.user_id);
  return (
    actor.grants.some(
      (g) =>
        assignmentPolicy.rules.receiveForUnit.includes(g.role) && g.unitId === assignment.unit_id,
    ) || assignmentPolicy.holds(actor, 'receiveAnywhere')
  );
}

/**
 * What the actor may do with an assignment, for the UI's buttons: the assignee accepts, returns
 * or forwards a pending one; whoever assigned it changes its method and deadline.
 */
export function assignmentActions(
  actor: Actor,
  assignment: Pick<Row<'assignments'>, 'user_id' | 'unit_id' | 'status' | 'assigned_by'>,
): string[] {
  if (assignment.status !== 'pending') return [];
  return [
    ...(isAssignee(actor, assignment) ? ['accept', 'return', 'forward'] : []),
    ...(actor.deskUserIds.includes(assignment.assigned_by) ? ['change'] : []),
  ];
}

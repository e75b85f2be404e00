import type { RoleName } from '../db/schema.ts';
import type { Actor, Grant } from './actor.ts';

/** What a policy decision looks at: the units a resource belongs to and the people who own it. */
export interface ResourceScope {
  unitIds: readonly string[];
  ownerIds: readonly string[];
}

/** Whether a grant's scope (desk / unit / subordinate units / office) covers a resource. */
export function grantCovers(actor: Actor, grant: Grant, resource: ResourceScope): boolean {
  switch (grant.scope) {
    case 'office':
      return true;
    case 'desk':
      // Own desk, within the unit the grant is held in (a handler cannot open cases elsewhere).
      return (
        resource.ownerIds.some((id) => actor.deskUserIds.includes(id)) &&
        (resource.unitIds.length === 0 || resource.unitIds.includes(grant.unitId))
      );
    case 'unit':
      return resource.unitIds.includes(grant.unitId);
    case 'subordinate':
      return resource.unitIds.some((unitId) => isWithinUnit(actor, unitId, grant.unitId));
  }
}

function isWithinUnit(actor: Actor, unitId: string, ancestorId: string): boolean {
  for (let id: string | null | undefined = unitId; id; id = actor.unitParents.get(id)) {
    if (id === ancestorId) return true;
  }
  return false;
}

/**
 * A policy per resource: which roles may perform each action. The decision is made in use cases
 * (`assertCan`) and the list of allowed actions is sent to the UI (`allowedActions`).
 */
export function definePolicy<A extends string>(rules: Record<A, readonly RoleName[]>) {
  const can = (actor: Actor, action: A, resource: ResourceScope): boolean =>
    actor.grants.some(
      (grant) => rules[action].includes(grant.role) && grantCovers(actor, grant, resource),
    );
  return {
    rules,
    can,
    /** Whether the actor holds a role for the action at all, whatever its scope (menus, registers). */
    holds: (actor: Actor, action: A): boolean =>
      actor.grants.some((grant) => rules[action].includes(grant.role)),
    allowedActions: (actor: Actor, resource: ResourceScope): A[] =>
      (Object.keys(rules) as A[]).filter((action) => can(actor, action, resource)),
    /** Rows the actor may see for an action, as a filter for list queries. */
    visibility(actor: Actor, action: A): Visibility {
      const grants = actor.grants.filter((g) => rules[action].includes(g.role));
      if (grants.some((g) => g.scope === 'office')) return { all: true, unitIds: [], ownerIds: [] };
      const unitIds = new Set<string>();
      for (const grant of grants) {
        if (grant.scope === 'unit') unitIds.add(grant.unitId);
        if (grant.scope === 'subordinate') {
          for (const unitId of actor.unitParents.keys()) {
            if (isWithinUnit(actor, unitId, grant.unitId)) unitIds.add(unitId);
          }
        }
      }
      const ownerIds = grants.some((g) => g.scope === 'desk') ? actor.deskUserIds : [];
      return { all: false, unitIds: [...unitIds], ownerIds };
    },
  };
}

export interface Visibility {
  all: boolean;
  unitIds: string[];
  ownerIds: string[];
}

export function hasRole(actor: Actor, ...roles: RoleName[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

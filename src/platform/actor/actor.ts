import type { RoleName, Scope } from '../db/schema.ts';

export interface Grant {
  role: RoleName;
  scope: Scope;
  unitId: string;
  /** Set when the grant is held through a substitution (zastępstwo) for that person. */
  onBehalfOf?: string;
}

/** Who is acting: a person or a domain system, with the roles in force today. */
export interface Actor {
  userId: string;
  officeId: string;
  officeName: string;
  login: string;
  name: string;
  post: string;
  unitId: string;
  kind: 'person' | 'system';
  grants: Grant[];
  /** The actor and everyone they substitute today: whose desk they work at. */
  deskUserIds: string[];
  /** Unit tree of the office: unit id → parent id. */
  unitParents: ReadonlyMap<string, string | null>;
}

import type { Actor } from '../../platform/actor/actor.ts';

/**
 * A notification is for its person and for whoever substitutes them today (zastępstwo): the
 * people whose desk the actor works at. Nobody else reads or marks it.
 */
export const notificationReaders = (actor: Actor): readonly string[] => actor.deskUserIds;

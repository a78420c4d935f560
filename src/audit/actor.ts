/**
 * Who made an admin change: an API key (its id and its name at the time), a staff member in the console
 * (`staff:<user id>`), or the command line. The key's secret and hash are never part of it.
 */
export interface Actor {
  /** The API key's id; null for staff and on the command line. */
  readonly keyId: string | null;
  /** The key's name, `staff:<user id>`, or `cli`. */
  readonly name: string;
}

export const CLI_ACTOR: Actor = Object.freeze({ keyId: null, name: 'cli' });

export const keyActor = (key: { readonly id: string; readonly name: string }): Actor => ({
  keyId: key.id,
  name: key.name,
});

export const staffActor = (staff: { readonly userId: string }): Actor => ({
  keyId: null,
  name: `staff:${staff.userId}`,
});

/** How an actor is written where one column names it (`sms_logs.cancelled_by`, `api_keys.revoked_by`). */
export const actorRef = (actor: Actor): string => actor.keyId ?? actor.name;

// What the signed-in person may do in an action's coalition, from who they are and who is in it.
import type { CoalitionMember, Me } from '@collective-actions/shared';

export function participation(me: Me | null, members: CoalitionMember[]) {
  const mine = new Set(me?.organisations.map(({ organisation }) => organisation.id));
  const inCoalition = new Set(members.filter((member) => member.status !== 'declined').map((member) => member.organisation.id));
  return {
    /** A steward, or someone in one of the coalition's lead organisations. */
    leads: Boolean(me?.steward) || members.some((member) => member.status === 'active' && member.role === 'lead' && mine.has(member.organisation.id)),
    /** Organisations the person administers that may ask to join. */
    joinable: (me?.organisations ?? []).filter(({ organisation, role }) => role === 'admin' && !inCoalition.has(organisation.id)).map(({ organisation }) => organisation),
    /** Memberships and requests of the person's own organisations (which their admins may end). */
    own: members.filter((member) => mine.has(member.organisation.id) && member.status !== 'declined'),
  };
}

// Coalitions: the organisations working together on an action, their leads, and the public record of who joined and left.
import * as z from 'zod';
import { id, slug, text, timestamp } from './common.ts';
import { organisation, organisationSummary } from './organisations.ts';
import { coalitionRoles, membershipChanges, membershipEvents, membershipStatuses } from './vocabulary.ts';

export const coalitionRole = z.enum(coalitionRoles, { error: `must be one of: ${coalitionRoles.join(', ')}` });

export const joinRequest = z.strictObject({ organisationId: id, message: text(1, 1000).optional() });

export const membershipChange = z.strictObject({
  change: z.enum(membershipChanges, { error: `must be one of: ${membershipChanges.join(', ')}` }),
});

export const leadAppointment = z.strictObject({ organisationId: id });

export const coalitionMember = z.object({
  organisation: organisationSummary,
  role: coalitionRole,
  status: z.enum(membershipStatuses),
  /** When the organisation became an active member; null while its request waits or after it was declined. */
  joinedAt: timestamp.nullable(),
  /** The request to join, seen only by the coalition's leads, stewards and the organisation itself. */
  request: z.object({ message: z.string().nullable(), at: timestamp }).optional(),
});

/** Active members first (leads, then members), then requests; each group by organisation name. */
export const coalitionMembers = z.object({ items: z.array(coalitionMember) });

export const membershipEvent = z.object({
  id,
  action: slug,
  event: z.enum(membershipEvents),
  organisation: organisationSummary,
  at: timestamp,
});

export const membershipHistory = z.object({ items: z.array(membershipEvent), next: z.string().nullable() });

/** A coalition an organisation is an active member of. */
export const organisationCoalition = z.object({
  action: slug,
  role: coalitionRole,
  joinedAt: timestamp,
  /** How many requests to join wait for a decision, where the organisation leads: told to its people only. */
  waiting: z.int().optional(),
});

/** A request of the organisation's to join a coalition, waiting for its leads. */
export const organisationRequest = z.object({ action: slug, message: z.string().nullable(), at: timestamp });

export const organisationDetail = organisation.extend({
  coalitions: z.array(organisationCoalition),
  /** Its requests waiting for an answer, oldest first: told to its people only. */
  requests: z.array(organisationRequest).optional(),
});

export type CoalitionRole = z.infer<typeof coalitionRole>;
export type JoinRequest = z.infer<typeof joinRequest>;
export type MembershipChange = z.infer<typeof membershipChange>['change'];
export type CoalitionMember = z.infer<typeof coalitionMember>;
export type MembershipEvent = z.infer<typeof membershipEvent>;
export type OrganisationCoalition = z.infer<typeof organisationCoalition>;
export type OrganisationRequest = z.infer<typeof organisationRequest>;
export type OrganisationDetail = z.infer<typeof organisationDetail>;

export const membershipPath = z.strictObject({ slug, organisationId: id });

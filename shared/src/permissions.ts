// What the caller may do with what they are reading, as the API's authorisation rules decide it: the site shows a
// button exactly where `can` says the API would accept it. A caller who is not signed in may do none of it.
import * as z from 'zod';
import { action, following } from './actions.ts';
import { coalitionMembers, organisationDetail } from './coalitions.ts';
import { id } from './common.ts';
import { contribution, restorableDays } from './contributions.ts';
import { organisationSummary } from './organisations.ts';

const may = (description: string) => z.boolean().meta({ description });

export const actionCan = z.object({
  edit: may('Change the action (stewards)'),
  runCoalition: may("Decide on requests and memberships, keep the agenda, hide contributions (the coalition's leads and stewards)"),
  appointLeads: may('Make an organisation a lead of the coalition (stewards)'),
  follow: may('Follow it, or stop following it (anyone signed in)'),
});

export const contributionCan = z.object({
  edit: may('Change it, while it is not withdrawn (its author and the admins of its organisation)'),
  withdraw: may('Withdraw it, while it is not withdrawn (its author and the admins of its organisation)'),
  restore: may(`Restore it, within ${restorableDays} days of its withdrawal (its author and the admins of its organisation)`),
  postUpdate: may('Post a progress update, and say it is in progress or delivered, while it is public (its author and the admins of its organisation)'),
  hide: may("Hide it, or reword why it is hidden (the coalition's leads and stewards)"),
  unhide: may("Show it again (the coalition's leads and stewards)"),
});

export const organisationCan = z.object({
  edit: may('Change the organisation (its admins)'),
  listPeople: may('See its people (its members)'),
  addPeople: may('Add people to it (its admins)'),
  verify: may('Verify it (stewards)'),
});

export const coalitionCan = z.object({
  changeMemberships: may("Approve and decline requests, remove members, make leads (the coalition's leads and stewards)"),
  appointLeads: may('Make any organisation a lead (stewards)'),
  join: z.array(organisationSummary).meta({ description: 'The organisations the caller administers that may ask to join' }),
  leave: z.array(id).meta({ description: 'The organisations whose membership or request the caller may end (as one of their admins)' }),
});

export const actionView = action.extend({ ...following.shape, can: actionCan });
export const contributionView = contribution.extend({ can: contributionCan });
export const organisationView = organisationDetail.extend({ can: organisationCan });
export const coalitionMembersView = coalitionMembers.extend({ can: coalitionCan });

export type ActionCan = z.infer<typeof actionCan>;
export type ContributionCan = z.infer<typeof contributionCan>;
export type OrganisationCan = z.infer<typeof organisationCan>;
export type CoalitionCan = z.infer<typeof coalitionCan>;
export type ActionView = z.infer<typeof actionView>;
export type ContributionView = z.infer<typeof contributionView>;
export type OrganisationView = z.infer<typeof organisationView>;
export type CoalitionMembersView = z.infer<typeof coalitionMembersView>;

// Platform-wide figures: those the counters of every contribution and cooperation write keep, and the organisations
// taking part, read from each action's coalition.
import { organisationKinds, type CountsByKind, type OrganisationSummary, type Stats } from '@collective-actions/shared';
import * as coalitions from '../data/coalitions.ts';
import * as counts from '../data/counts.ts';
import { acrossActions } from './actions.ts';

/** Every organisation that is an active member of a coalition, once however many it is in. */
async function participants(): Promise<OrganisationSummary[]> {
  const members = new Map<string, OrganisationSummary>();
  for (const member of await acrossActions(coalitions.listMembers)) if (member.status === 'active') members.set(member.organisation.id, member.organisation);
  return [...members.values()];
}

export async function getStats(): Promise<Stats> {
  const [counted, taking] = await Promise.all([counts.getStats(), participants()]);
  const organisations = Object.fromEntries(organisationKinds.map((kind) => [kind, taking.filter((organisation) => organisation.kind === kind).length])) as CountsByKind;
  const perCountry = new Map<string, number>();
  for (const { country } of taking) perCountry.set(country, (perCountry.get(country) ?? 0) + 1);
  const byCountry = [...perCountry]
    .map(([country, count]) => ({ country, organisations: count }))
    .sort((a, b) => b.organisations - a.organisations || a.country.localeCompare(b.country));
  return { ...counted, participants: { organisations, countries: byCountry.length, byCountry } };
}

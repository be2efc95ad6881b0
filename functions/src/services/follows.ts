// Following actions: anyone signed in follows an action or stops; the people of its coalition's members follow it by
// default, until they choose otherwise.
import type { Following } from '@collective-actions/shared';
import * as coalitions from '../data/coalitions.ts';
import * as follows from '../data/follows.ts';
import type { NotificationEvent } from '../data/notifications.ts';
import * as people from '../data/people.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';
import { withRetries } from './retries.ts';

/** How many people follow the action, and whether the caller does. */
export async function followingOf(caller: Caller | undefined, slug: string): Promise<Following> {
  const [following, followers] = await Promise.all([caller ? follows.isFollowing(slug, caller.id) : false, follows.followerCount(slug)]);
  return { following, followers };
}

/** The caller follows the action, or stops following it. */
export async function chooseToFollow(caller: Caller, slug: string, following: boolean): Promise<Following> {
  if (following) await withRetries(() => follows.follow(slug, caller.id, now()));
  else await withRetries(() => follows.unfollow(slug, caller.id, now()));
  return followingOf(caller, slug);
}

const followByDefault = (slug: string, personId: string) => withRetries(() => follows.followByDefault(slug, personId, now()));

/** The people of an organisation in an action's coalition follow the action, unless they chose not to. */
export async function followAsMember(slug: string, organisationId: string): Promise<void> {
  for (const person of await people.listPersonIds(organisationId)) await followByDefault(slug, person);
}

/**
 * Who comes to follow what by default, as an event tells: an organisation's people follow an action whose coalition
 * it joins or comes to lead; a person added to an organisation follows the actions of its coalitions. Running it
 * again changes nothing, and nobody who chose not to follow is made to.
 */
export async function followAfter(event: NotificationEvent): Promise<void> {
  if (event.kind === 'request-approved' || event.kind === 'made-lead') {
    await followAsMember(event.action, event.organisation.id);
  }
  if (event.kind === 'added-to-organisation') {
    const memberships = await coalitions.listCoalitionsOf(event.organisation.id);
    for (const person of event.people) for (const { action } of memberships) await followByDefault(action, person);
  }
}

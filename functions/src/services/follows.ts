// Following actions and themes: anyone signed in follows an action or a theme, or stops; the people of an action's
// coalition members follow it by default, until they choose otherwise.
import { ValidationFailed, type Following } from '@collective-actions/shared';
import * as actions from '../data/actions.ts';
import * as coalitions from '../data/coalitions.ts';
import * as follows from '../data/follows.ts';
import type { NotificationEvent } from '../data/notifications.ts';
import * as people from '../data/people.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';
import { withRetries } from './retries.ts';

const actionFollowed = (slug: string): follows.Followed => ({ kind: 'action', id: slug });

/** How many people follow the action, and whether the caller does. */
export async function followingOf(caller: Caller | undefined, slug: string): Promise<Following> {
  const action = actionFollowed(slug);
  const [following, followers] = await Promise.all([caller ? follows.isFollowing(action, caller.id) : false, follows.followerCount(action)]);
  return { following, followers };
}

/** The caller follows the action, or stops following it. */
export async function chooseToFollow(caller: Caller, slug: string, following: boolean): Promise<Following> {
  if (following) await withRetries(() => follows.follow(actionFollowed(slug), caller.id, now()));
  else await withRetries(() => follows.unfollow(actionFollowed(slug), caller.id, now()));
  return followingOf(caller, slug);
}

/** The themes the caller follows, in their order. */
export async function followedThemes(caller: Caller): Promise<string[]> {
  const themes = await actions.listThemes();
  const following = await Promise.all(themes.map((theme) => follows.isFollowing({ kind: 'theme', id: theme.id }, caller.id)));
  return themes.filter((_, index) => following[index]).map((theme) => theme.id);
}

/** The caller follows these themes, and no other: each must be a theme of the platform. */
export async function chooseThemes(caller: Caller, chosen: string[]): Promise<void> {
  const themes = (await actions.listThemes()).map((theme) => theme.id);
  const unknown = chosen.flatMap((theme, index) => (themes.includes(theme) ? [] : [{ pointer: `#/themes/${index}`, detail: 'is not a theme of the platform' }]));
  if (unknown.length) throw new ValidationFailed(unknown);
  const current = await followedThemes(caller);
  for (const theme of themes) {
    const followed: follows.Followed = { kind: 'theme', id: theme };
    if (chosen.includes(theme) && !current.includes(theme)) await withRetries(() => follows.follow(followed, caller.id, now()));
    if (!chosen.includes(theme) && current.includes(theme)) await withRetries(() => follows.unfollow(followed, caller.id, now()));
  }
}

const followByDefault = (slug: string, personId: string) => withRetries(() => follows.followByDefault(actionFollowed(slug), personId, now()));

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

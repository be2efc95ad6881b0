// Themes and collective actions: public reading, stewards' editing.
import { NotFound, ValidationFailed, type Action, type ActionChanges, type ActionList, type ActionView, type NewAction } from '@collective-actions/shared';
import * as actionRecords from '../data/actions.ts';
import { actionCan } from './authorisation.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';
import { followingOf } from './follows.ts';

export async function listActions(theme?: string): Promise<ActionList> {
  if (!theme) {
    const [themes, actions] = await Promise.all([actionRecords.listThemes(), actionRecords.listActions()]);
    return { themes, actions };
  }
  const [found, actions] = await Promise.all([actionRecords.getTheme(theme), actionRecords.listActions(theme)]);
  // A filter that names no theme is the query's to fix, as any other parameter.
  if (!found) throw new ValidationFailed([{ parameter: 'theme', detail: 'is not a theme of the platform' }]);
  return { themes: [found], actions };
}

// Actions read at once: one Query each.
const actionsAtOnce = 8;

/** What `read` finds in each action, for every action, a few at a time. */
export async function acrossActions<T>(read: (slug: string) => Promise<T[]>): Promise<T[]> {
  const actions = await actionRecords.listActions();
  const found: T[] = [];
  for (let start = 0; start < actions.length; start += actionsAtOnce) {
    found.push(...(await Promise.all(actions.slice(start, start + actionsAtOnce).map(({ slug }) => read(slug)))).flat());
  }
  return found;
}

export async function getAction(slug: string): Promise<Action> {
  const action = await actionRecords.getAction(slug);
  if (!action) throw new NotFound(`There is no action "${slug}".`);
  return action;
}

/** The action with what the caller may do with it. */
export async function viewAction(caller: Caller | undefined, slug: string): Promise<ActionView> {
  const [action, can, following] = await Promise.all([getAction(slug), actionCan(caller, slug), followingOf(caller, slug)]);
  return { ...action, ...following, can };
}

async function requireTheme(theme: string | undefined): Promise<void> {
  if (theme && !(await actionRecords.getTheme(theme))) {
    throw new ValidationFailed([{ pointer: '#/theme', detail: `is not a theme of the platform` }]);
  }
}

/** A steward creates an action; the followers of its theme are told. */
export async function createAction(caller: Caller, input: NewAction): Promise<Action> {
  await requireTheme(input.theme);
  return actionRecords.createAction(input, now(), { by: caller.id });
}

export async function updateAction(slug: string, changes: ActionChanges): Promise<Action> {
  await requireTheme(changes.theme);
  return actionRecords.updateAction(slug, changes, now());
}

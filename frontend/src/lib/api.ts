// The site's one client of the API: every call, and the check that answers have the agreed shape.
import { API_URL } from '$app/env/private';
import { actionList, type ActionList } from '@collective-actions/shared';

export async function listActions(fetch: typeof globalThis.fetch): Promise<ActionList> {
  const response = await fetch(`${API_URL}/v1/actions`);
  if (!response.ok) throw new Error(`The API answered ${response.status} for the list of actions.`);
  return actionList.parse(await response.json());
}

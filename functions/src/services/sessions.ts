// Signing out: the API refuses an access token whose session ended, until the token would have expired anyway.
import { BadRequest } from '@collective-actions/shared';
import { revokeToken } from '../data/sessions.ts';
import type { Caller } from './caller.ts';
import { now } from './clock.ts';

export async function endSession(caller: Caller): Promise<void> {
  if (!caller.token) throw new BadRequest('This access token has no id (jti): it cannot be signed out before it expires.');
  await revokeToken(caller.token.id, caller.token.expiresAt, now());
}

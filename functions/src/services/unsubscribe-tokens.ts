// The token of an e-mail's unsubscribe links: it names the person and what the link turns off (one kind of
// notification, or a digest), signed with the platform's key (UNSUBSCRIBE_SECRET, HMAC-SHA256), and expires, so that a
// link works without signing in and cannot be made for anyone else.
import { errors, jwtVerify, SignJWT } from 'jose';
import { unsubscribeTopic, ValidationFailed, type UnsubscribeTopic } from '@collective-actions/shared';

/** How long a link works: long enough for an old e-mail, short enough that a leaked one stops working. */
export const unsubscribeTokenDays = 90;

/** What the tokens are for, so that no other token signed with the key passes for one. */
const audience = 'unsubscribe';

function key(): Uint8Array {
  const secret = process.env.UNSUBSCRIBE_SECRET;
  if (!secret) throw new Error('UNSUBSCRIBE_SECRET must be set: it signs the unsubscribe links of e-mail');
  return new TextEncoder().encode(secret);
}

export const unsubscribeToken = (personId: string, about: UnsubscribeTopic, now: Date): Promise<string> =>
  new SignJWT({ about })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(personId)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(new Date(now.getTime() + unsubscribeTokenDays * 24 * 3600 * 1000))
    .sign(key());

const refused = (detail: string) => new ValidationFailed([{ parameter: 'token', detail }]);

/** Whose e-mail the token is about and what it turns off, or a 400 that says why the link does not work. */
export async function readUnsubscribeToken(token: string, now: Date): Promise<{ personId: string; about: UnsubscribeTopic }> {
  try {
    const { payload } = await jwtVerify(token, key(), { algorithms: ['HS256'], audience, currentDate: now, requiredClaims: ['sub', 'exp'] });
    const about = unsubscribeTopic.safeParse(payload.about);
    if (!about.success) throw refused('does not name what to turn off');
    return { personId: payload.sub!, about: about.data };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw refused('has expired: choose what you receive on your settings page');
    if (error instanceof errors.JOSEError) throw refused('is not an unsubscribe link the platform made');
    throw error;
  }
}

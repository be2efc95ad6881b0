import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationFailed } from '@collective-actions/shared';
import { readUnsubscribeToken, unsubscribeToken, unsubscribeTokenDays } from './unsubscribe-tokens.ts';

const day = 24 * 3600 * 1000;
const sent = new Date('2027-03-01T09:00:00Z');
const later = (days: number) => new Date(sent.getTime() + days * day);

/** What the token is refused with: the parameter's detail. */
const refusal = (token: string, at = sent) =>
  readUnsubscribeToken(token, at).then(
    () => 'accepted',
    (error: unknown) => (error instanceof ValidationFailed ? error.errors!.map((item) => `${item.parameter} ${item.detail}`).join('; ') : `failed: ${error}`),
  );

describe('unsubscribe tokens', () => {
  beforeAll(() => {
    process.env.UNSUBSCRIBE_SECRET = 'the platform key';
  });

  it('name the person and what to turn off, until they expire', async () => {
    const token = await unsubscribeToken('person-1', 'join-requested', sent);
    expect(await readUnsubscribeToken(token, later(unsubscribeTokenDays - 1))).toEqual({ personId: 'person-1', about: 'join-requested' });
    expect(await readUnsubscribeToken(await unsubscribeToken('person-1', 'weekly', sent), sent)).toEqual({ personId: 'person-1', about: 'weekly' });
    expect(await refusal(token, later(unsubscribeTokenDays + 1))).toBe('token has expired: choose what you receive on your settings page');
  });

  it('refuse what the platform did not sign, or signed for something else', async () => {
    const token = await unsubscribeToken('person-1', 'join-requested', sent);
    const [header, payload, signature] = token.split('.');
    const other = (claims: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims })).toString('base64url');
    const forged = 'token is not an unsubscribe link the platform made';
    // Someone else's e-mail, with the signature of another's.
    expect(await refusal(`${header}.${other({ sub: 'person-2' })}.${signature}`)).toBe(forged);
    // Signed with another key.
    const key = new TextEncoder().encode('another key');
    expect(await refusal(await new SignJWT({ about: 'daily' }).setProtectedHeader({ alg: 'HS256' }).setSubject('person-1').setAudience('unsubscribe').setExpirationTime('1d').sign(key))).toBe(forged);
    // Unsigned.
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(await refusal(`${none}.${payload}.`)).toBe(forged);
    // Signed with the key, but for another use, or naming nothing to turn off, or without an expiry.
    const signed = (claims: Record<string, unknown>, audience = 'unsubscribe', expires = true) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('person-1').setAudience(audience);
      return (expires ? jwt.setExpirationTime(later(1)) : jwt).sign(new TextEncoder().encode('the platform key'));
    };
    expect(await refusal(await signed({ about: 'daily' }, 'session'))).toBe(forged);
    expect(await refusal(await signed({ about: 'daily' }, 'unsubscribe', false))).toBe(forged);
    expect(await refusal(await signed({ about: 'everything' }))).toBe('token does not name what to turn off');
    expect(await refusal(await signed({}))).toBe('token does not name what to turn off');
    for (const junk of ['', 'x', 'a.b.c', token.slice(0, -2), `${token}.x`]) expect(await refusal(junk), junk).toBe(forged);
  });
});

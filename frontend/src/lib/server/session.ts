// The signed-in person's session: an encrypted, httpOnly, SameSite cookie holding the API access token, never readable by page scripts.
import type { Cookies } from '@sveltejs/kit';
import { SESSION_SECRET } from '$app/env/private';
import { EncryptJWT, jwtDecrypt } from 'jose';

export interface Session {
  sub: string;
  name: string;
  /** In the stewards group: pages offer stewards' tools (the API checks for itself). */
  steward: boolean;
  /** For the API, on the server only. */
  accessToken: string;
  /** When the access token expires (seconds since the epoch); the session ends then. */
  expiresAt: number;
}

/** What a sign-in keeps between leaving for the provider and coming back. */
export interface SignInFlow {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const sessionCookie = 'session';
const flowCookie = 'sign-in';

let key: Promise<Uint8Array> | undefined;
function encryptionKey(): Promise<Uint8Array> {
  if (!SESSION_SECRET) throw new Error('SESSION_SECRET is not set: the site cannot keep sessions.');
  key ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(SESSION_SECRET)).then((bytes) => new Uint8Array(bytes));
  return key;
}

async function seal(payload: object, expiresAt: number): Promise<string> {
  return new EncryptJWT({ ...payload }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setExpirationTime(expiresAt).encrypt(await encryptionKey());
}

async function open<T>(value: string | undefined): Promise<T | null> {
  if (!value) return null;
  try {
    return (await jwtDecrypt(value, await encryptionKey())).payload as T;
  } catch {
    // Tampered with, expired, or sealed with another secret: as if there were none.
    return null;
  }
}

const cookieOptions = (maxAge: number, path = '/') => ({ path, httpOnly: true, sameSite: 'lax' as const, maxAge });

export async function readSession(cookies: Cookies): Promise<Session | null> {
  if (!cookies.get(sessionCookie)) return null;
  const session = await open<Session>(cookies.get(sessionCookie));
  if (!session) cookies.delete(sessionCookie, { path: '/' });
  return session;
}

export async function startSession(cookies: Cookies, session: Session): Promise<void> {
  const maxAge = Math.max(0, session.expiresAt - Math.floor(Date.now() / 1000));
  cookies.set(sessionCookie, await seal(session, session.expiresAt), cookieOptions(maxAge));
}

export const endSession = (cookies: Cookies) => cookies.delete(sessionCookie, { path: '/' });

const flowSeconds = 10 * 60;

export async function keepSignInFlow(cookies: Cookies, flow: SignInFlow): Promise<void> {
  cookies.set(flowCookie, await seal(flow, Math.floor(Date.now() / 1000) + flowSeconds), cookieOptions(flowSeconds, '/auth'));
}

/** The flow of the sign-in coming back, used once. */
export async function takeSignInFlow(cookies: Cookies): Promise<SignInFlow | null> {
  const flow = await open<SignInFlow>(cookies.get(flowCookie));
  cookies.delete(flowCookie, { path: '/auth' });
  return flow;
}

// Who is asking: the signed-in person as the domain sees them, whichever way their identity reached the platform.
export interface Caller {
  id: string;
  /** As the identity provider gives it, without what no text may hold. */
  name: string | null;
  /** Lower-cased; null unless the identity provider verified it. */
  verifiedEmail: string | null;
  steward: boolean;
  /** The access token's id (`jti`) and expiry (epoch seconds), which signing out records; null if it has none. */
  token: { id: string; expiresAt: number } | null;
}

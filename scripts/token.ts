// Prints an access token for a demo account (or any login name), signed in through the local identity provider's real flow.
const login = process.argv[2];
const issuer = process.env.ISSUER ?? `http://localhost:${process.env.IDENTITY_PORT ?? 3002}`;
const { demoAccounts } = await import('@collective-actions/functions/local/demo-accounts.ts');
if (!login) {
  console.error(`Usage: npm run token -- <login>\nDemo accounts: ${demoAccounts.map((account) => account.login).join(', ')} (any other name is a throwaway account)`);
  process.exit(2);
}
const { signIn } = await import('@collective-actions/functions/local/sign-in.ts');
try {
  console.log(await signIn(issuer, login));
} catch (error) {
  const down = error instanceof Error && /fetch failed|ECONNREFUSED/.test(`${error.message} ${String(error.cause)}`);
  console.error(down ? `No identity provider answers at ${issuer}: start the platform first (npm start).` : error);
  process.exit(1);
}

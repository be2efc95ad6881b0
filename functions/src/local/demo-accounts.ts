// The local identity provider's accounts: four named demo people, and anyone else who signs in.
import type { Caller } from '../services/caller.ts';
import { stewardsGroup } from '@collective-actions/shared';

export interface Account {
  login: string;
  name: string;
  email: string;
  groups: string[];
  /** What the account is for, as `npm start` prints it. */
  description: string;
}

export const demoAccounts: Account[] = [
  {
    login: 'steward',
    name: 'Sam Steward',
    email: 'steward@demo.collective-actions.org',
    groups: [stewardsGroup],
    description: 'platform steward: creates and edits actions, verifies organisations',
  },
  {
    login: 'lead',
    name: 'Léa Martin',
    email: 'lead@demo.collective-actions.org',
    groups: [],
    description: 'coalition lead: admin of Open Contracting Demo Network (demo) and Demo Open Government Alliance (demo), which lead two coalitions',
  },
  {
    login: 'government',
    name: 'Gabriel Roux',
    email: 'government@demo.collective-actions.org',
    groups: [],
    description: 'government contributor: admin of Demo Ministry of Public Transformation (demo) and City of Demoville (demo)',
  },
  {
    login: 'civil-society',
    name: 'Camila Reyes',
    email: 'civil-society@demo.collective-actions.org',
    groups: [],
    description: 'civil-society contributor: admin of Demo Open Data Collective (demo)',
  },
];

/**
 * The account behind a login name. Any other name is a throwaway account of its own (the local
 * provider takes any password): an e-mail address as login name becomes the account's verified e-mail.
 */
export function accountFor(login: string): Account {
  const name = login.trim().toLowerCase();
  return (
    demoAccounts.find((account) => account.login === name) ?? {
      login: name,
      name,
      email: name.includes('@') ? name : `${name}@users.localhost`,
      groups: [],
      description: 'throwaway account',
    }
  );
}

/** A demo account as the services see it when the seed acts for it. */
export const callerOf = (account: Account): Caller => ({
  id: account.login,
  name: account.name,
  verifiedEmail: account.email,
  steward: account.groups.includes('stewards'),
  token: null,
});

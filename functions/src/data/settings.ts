// Each person's settings, with the verified address they last signed in with: where their e-mail is sent, and in
// which language. Nothing else reads the address (the inbox and the notifier's recipients are ids).
import type { EmailFrequency, NotificationKind, SettingsChanges, SiteLanguage } from '@collective-actions/shared';
import { dynamo, isConditionFailure, tableName } from './client.ts';
import { keys } from './keys.ts';
import { getItem, queryPartition, setAndRemove } from './toolkit.ts';

export interface StoredSettings {
  /** Verified by the identity provider at the last sign-in; null when it was not. */
  email: string | null;
  /** The language the person chose, or the one they last signed in reading the site in. */
  language?: SiteLanguage;
  timeZone?: string;
  /** Whether they asked to be reminded of agenda items a day before they start. */
  reminders?: boolean;
  /** The kinds whose frequency the person chose; the others have their default. */
  emails: Partial<Record<NotificationKind, EmailFrequency>>;
}

export async function getSettings(personId: string): Promise<StoredSettings | undefined> {
  const item = await getItem(keys.personSettings(personId), true);
  return item && { email: item.email ?? null, language: item.language, timeZone: item.timeZone, reminders: item.reminders, emails: item.emails ?? {} };
}

/**
 * At each sign-in, what the identity provider vouches for now (the address only if verified), and the language the
 * person is reading the site in, unless they chose one on their settings page.
 */
export async function recordSignIn(person: { id: string; email: string | null; steward: boolean }, language: SiteLanguage | undefined, now: string): Promise<void> {
  const key = keys.personSettings(person.id);
  await Promise.all([
    dynamo.update({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET email = :email, signedInAt = :now, emails = if_not_exists(emails, :none)',
      ExpressionAttributeValues: { ':email': person.email, ':now': now, ':none': {} },
    }),
    // Whether they are a steward, as their identity provider last said.
    person.steward
      ? dynamo.put({ TableName: tableName, Item: { ...keys.steward(person.id), personId: person.id, signedInAt: now } })
      : dynamo.delete({ TableName: tableName, Key: keys.steward(person.id) }),
  ]);
  if (!language) return;
  try {
    await dynamo.update({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET #language = :language',
      ConditionExpression: 'attribute_not_exists(languageChosen)',
      ExpressionAttributeNames: { '#language': 'language' },
      ExpressionAttributeValues: { ':language': language },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** The person's own changes: a language chosen here stays theirs; each kind's frequency is set on its own. */
export async function changeSettings(personId: string, { language, timeZone, reminders, emails = {} }: Omit<SettingsChanges, 'themes'>, now: string): Promise<void> {
  const key = keys.personSettings(personId);
  // The map each kind's frequency is set in, for a person who has never signed in through the site.
  await dynamo.update({ TableName: tableName, Key: key, UpdateExpression: 'SET emails = if_not_exists(emails, :none)', ExpressionAttributeValues: { ':none': {} } });
  const set = setAndRemove({ language, languageChosen: language && true, timeZone, reminders, updatedAt: now });
  const kinds = Object.entries(emails);
  const frequencies = kinds.map((_, i) => `emails.#k${i} = :k${i}`);
  await dynamo.update({
    TableName: tableName,
    Key: key,
    UpdateExpression: [set.UpdateExpression, ...frequencies].join(', '),
    ExpressionAttributeNames: { ...set.ExpressionAttributeNames, ...Object.fromEntries(kinds.map(([kind], i) => [`#k${i}`, kind])) },
    ExpressionAttributeValues: { ...set.ExpressionAttributeValues, ...Object.fromEntries(kinds.map(([, frequency], i) => [`:k${i}`, frequency])) },
  });
}

/** The platform's stewards, as each last signed in. */
export async function listStewards(): Promise<string[]> {
  return (await queryPartition(keys.stewardsPartition)).map((item) => item.personId);
}

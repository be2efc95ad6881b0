// The e-mail the platform sent, as MailDev received it over SMTP (read through its REST API).
import { inject } from 'vitest';
import { afterNotifier } from './api.ts';

export interface ReceivedMail {
  id: string;
  subject: string;
  from: Array<{ address: string; name?: string }>;
  to: Array<{ address: string; name?: string }>;
  text?: string;
  html?: string;
  headers: Record<string, string | string[]>;
}

const mailUrl = inject('mailUrl');

/** Every mail MailDev holds for the address, oldest first. */
export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${mailUrl}/api/email`);
  if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
  const all = (await response.json()) as ReceivedMail[];
  return all.filter((mail) => mail.to.some((recipient) => recipient.address === address));
}

/** The mail for the address once `expected` of them arrived, or what came in 15 s. */
export const mailAfterDelivery = (address: string, expected: number) => afterNotifier(() => mailTo(address), (mail) => mail.length >= expected);

export const addressOf = (login: string) => `${login}@users.localhost`;

/**
 * The mail's header fields as sent, unfolded, by lower-case name: MailDev's JSON leaves out those its parser makes
 * objects of (From, To, Date, the List-* fields of RFC 2369).
 */
export async function sentHeaders(mail: ReceivedMail): Promise<Record<string, string>> {
  const response = await fetch(`${mailUrl}/api/email/${mail.id}/source`);
  if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
  const [head] = (await response.text()).split(/\r?\n\r?\n/);
  const fields = head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  return Object.fromEntries(fields.map((field) => [field.slice(0, field.indexOf(':')).toLowerCase(), field.slice(field.indexOf(':') + 1).trim()]));
}

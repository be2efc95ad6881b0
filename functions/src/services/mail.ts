// Sending e-mail: each queued notification, and each digest, with the headers that let a mail client unsubscribe in
// one click; through SMTP when MAIL_SMTP_URL names a server (MailDev on one machine), through Amazon SES otherwise.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Notification, SiteLanguage } from '@collective-actions/shared';
import * as mail from '../data/mail.ts';
import { now } from './clock.ts';
import { renderMail, type RenderedMail } from './mail-content.ts';
import { apiAddress, sitePage } from './site-pages.ts';
import { unsubscribeToken } from './unsubscribe-tokens.ts';

/**
 * The headers that let a mail client offer to unsubscribe, in one click (RFC 2369 and RFC 8058): a POST to the API's
 * address, which turns off at once what the token names.
 */
const unsubscribeHeaders = (token: string) => ({
  list: { unsubscribe: apiAddress(`/v1/unsubscribe?${new URLSearchParams({ token })}`) },
  headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
});

let transporter: Transporter | undefined;

/** SMTP where MAIL_SMTP_URL names a server; Amazon SES otherwise. */
function transport(): Transporter {
  transporter ??= process.env.MAIL_SMTP_URL
    ? nodemailer.createTransport(process.env.MAIL_SMTP_URL)
    : nodemailer.createTransport({ SES: { sesClient: new SESv2Client({}), SendEmailCommand } });
  return transporter;
}

/** A mail's Message-ID from what it is (the same for every attempt at it, so that a mail sent twice after a crash is known as one). */
export const messageIdOf = (...parts: string[]) => `<${parts.map((part) => part.replace(/[^\w.-]/g, '_')).join('.')}@${new URL(sitePage('/')).hostname}>`;

/** Sends a mail to one person, with the headers that let their mail client stop that kind of e-mail in one click. */
export async function sendTo(to: string, language: SiteLanguage, content: RenderedMail, messageId: string, token: string): Promise<void> {
  const { list, headers } = unsubscribeHeaders(token);
  // Through SES, its configuration set reports bounces and complaints (mail-feedback.ts).
  const ses = process.env.MAIL_CONFIGURATION_SET ? { ses: { ConfigurationSetName: process.env.MAIL_CONFIGURATION_SET } } : {};
  await transport().sendMail({ from: process.env.MAIL_FROM, to, ...content, messageId, list, headers: { 'Content-Language': language, ...headers }, ...ses });
}

export type Outcome = 'sent' | 'held elsewhere' | { failed: unknown };

/** Sends one queued mail, unless another sender holds it; a failed send is given back to the queue for the next run. */
async function sendOne(queued: mail.QueuedMail): Promise<Outcome> {
  if (!(await mail.claim(queued, new Date(now())))) return 'held elsewhere';
  try {
    const token = await unsubscribeToken(queued.personId, queued.notification.kind, new Date(now()));
    const messageId = messageIdOf(queued.notification.id, queued.personId);
    await sendTo(queued.to, queued.language, await renderMail({ ...queued.notification, read: false } as Notification, queued.language, token), messageId, token);
    await mail.markSent(queued, messageId, new Date(now()));
    return 'sent';
  } catch (error) {
    await mail.release(queued);
    return { failed: error };
  }
}

/** Whether the platform sends e-mail: only with a sender (MAIL_FROM); without one, none is queued either. */
export const sendsMail = () => Boolean(process.env.MAIL_FROM);

/** How many mails are made and sent at once. */
export const mailsAtOnce = 10;

/** Sends what the queue holds, oldest first: how many went, and why each that failed did (they stay queued). */
export async function sendQueuedMail(): Promise<{ sent: number; failed: Array<{ event: string; error: unknown }> }> {
  const result = { sent: 0, failed: [] as Array<{ event: string; error: unknown }> };
  if (!sendsMail()) return result;
  for await (const page of mail.queuedPages()) {
    // A few at once: each mostly waits for the table and the mail server.
    for (let start = 0; start < page.length; start += mailsAtOnce) {
      const batch = page.slice(start, start + mailsAtOnce);
      const outcomes = await Promise.all(batch.map(sendOne));
      outcomes.forEach((outcome, index) => {
        if (outcome === 'sent') result.sent++;
        else if (typeof outcome === 'object') result.failed.push({ event: batch[index].notification.id, error: outcome.failed });
      });
    }
  }
  return result;
}

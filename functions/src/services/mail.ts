// E-mail: each queued notification, in its reader's language, as an accessible HTML part (MJML) and a plain-text part,
// both with a link to what it is about and one to the settings page; sent through SMTP when MAIL_SMTP_URL names a
// server (MailDev on one machine), through Amazon SES otherwise.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { XMLBuilder } from 'fast-xml-parser';
import mjml2html from 'mjml';
import nodemailer, { type Transporter } from 'nodemailer';
import { formatAgendaTime, notificationPath, notificationSentence, type Notification, type SiteLanguage } from '@collective-actions/shared';
import * as actionRecords from '../data/actions.ts';
import * as mail from '../data/mail.ts';
import { m } from '../paraglide/messages.js';
import { now } from './clock.ts';
import { apiAddress, sitePage } from './site-pages.ts';
import { unsubscribeToken } from './unsubscribe-tokens.ts';

type Messages = typeof m;
/** The site's messages, each in one language. */
type MessagesIn = { [K in keyof Messages]: (inputs: Parameters<Messages[K]>[0]) => string };

const messagesIn = (locale: SiteLanguage) =>
  new Proxy(m, { get: (messages, name: keyof Messages) => (inputs: never) => messages[name](inputs, { locale }) }) as unknown as MessagesIn;

/** A page of the site in the reader's language (English has no prefix, as on the site). */
const pageIn = (language: SiteLanguage, path: string) => sitePage(language === 'en' ? path : `/${language}${path}`);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true });

/** The MJML document of a mail: its sentence, a button to what it is about, and why it came with a link to the settings. */
function document(
  language: SiteLanguage,
  parts: { title: string; sentence: string; link: string; open: string; why: string; settings: string; settingsLink: string; unsubscribe: string; unsubscribeLink: string },
) {
  const text = (content: string, attributes: Record<string, string> = {}) => ({ 'mj-text': { ...attributes, '#text': content } });
  // A link in line with the text above it.
  const footLink = (href: string, content: string) => ({
    '@href': href,
    '@background-color': '#ffffff',
    '@color': '#0b4f9c',
    '@text-decoration': 'underline',
    '@align': 'left',
    '@font-size': '13px',
    '@inner-padding': '0',
    '@padding': '4px 25px',
    '#text': content,
  });
  return xml.build({
    mjml: {
      '@lang': language,
      'mj-head': { 'mj-title': parts.title, 'mj-attributes': { 'mj-all': { '@font-family': 'Arial, Helvetica, sans-serif' }, 'mj-text': { '@font-size': '16px', '@line-height': '1.5', '@color': '#1a1a1a' } } },
      'mj-body': {
        '@background-color': '#ffffff',
        'mj-section': [
          { 'mj-column': text(parts.title, { '@font-weight': 'bold', '@font-size': '14px', '@color': '#4d4d4d' }) },
          {
            'mj-column': {
              ...text(parts.sentence),
              'mj-button': { '@href': parts.link, '@background-color': '#0b4f9c', '@color': '#ffffff', '@align': 'left', '#text': parts.open },
            },
          },
          {
            '@border-top': '1px solid #c8c8c8',
            'mj-column': {
              ...text(parts.why, { '@font-size': '13px', '@color': '#4d4d4d' }),
              'mj-button': [footLink(parts.settingsLink, parts.settings), footLink(parts.unsubscribeLink, parts.unsubscribe)],
            },
          },
        ],
      },
    },
  });
}

/** A notification's mail, in the reader's language, with the page that stops e-mail of its kind. */
export async function renderMail(notification: Notification, language: SiteLanguage, token: string): Promise<RenderedMail> {
  const messages = messagesIn(language);
  const action = 'action' in notification ? await actionRecords.getAction(notification.action) : undefined;
  const sentence = notificationSentence(notification, {
    messages,
    locale: language,
    actionTitle: (slug) => action?.title[language] ?? slug,
    start: (item) => formatAgendaTime({ ...item, end: null, endsAt: null }, language),
  });
  const link = pageIn(language, notificationPath(notification));
  const settingsLink = pageIn(language, '/settings');
  const title = messages.site_name({});
  const unsubscribeLink = pageIn(language, `/unsubscribe?${new URLSearchParams({ token })}`);
  const [why, settings, unsubscribe] = [messages.mail_why({}), messages.mail_settings({}), messages.mail_unsubscribe({})];
  const { html, errors } = await mjml2html(
    document(language, { title, sentence, link, open: messages.mail_open({}), why, settings, settingsLink, unsubscribe, unsubscribeLink }),
    { validationLevel: 'strict' },
  );
  if (errors.length) throw new Error(`The mail's MJML is not valid: ${errors.map((error) => error.formattedMessage).join('; ')}`);
  return {
    // A header is one line: a hiding's reason may have several.
    subject: sentence.replace(/\s+/g, ' '),
    html,
    text: `${sentence}\n\n${messages.mail_open({})}: ${link}\n\n-- \n${why}\n${settings}: ${settingsLink}\n${unsubscribe}: ${unsubscribeLink}\n`,
  };
}

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

/** The mail's Message-ID: the same for every attempt at it, so that a mail sent twice after a crash is known as one. */
const messageIdOf = (queued: mail.QueuedMail) => `<${queued.notification.id}.${queued.personId.replace(/[^\w.-]/g, '_')}@${new URL(sitePage('/')).hostname}>`;

type Outcome = 'sent' | 'held elsewhere' | { failed: unknown };

/** Sends one queued mail, unless another sender holds it; a failed send is given back to the queue for the next run. */
async function sendOne(queued: mail.QueuedMail): Promise<Outcome> {
  if (!(await mail.claim(queued, new Date(now())))) return 'held elsewhere';
  try {
    const token = await unsubscribeToken(queued.personId, queued.notification.kind, new Date(now()));
    const { subject, text, html } = await renderMail({ ...queued.notification, read: false } as Notification, queued.language, token);
    const messageId = messageIdOf(queued);
    const { list, headers } = unsubscribeHeaders(token);
    await transport().sendMail({ from: process.env.MAIL_FROM, to: queued.to, subject, text, html, messageId, list, headers: { 'Content-Language': queued.language, ...headers } });
    await mail.markSent(queued, messageId, new Date(now()));
    return 'sent';
  } catch (error) {
    await mail.release(queued);
    return { failed: error };
  }
}

/** Whether the platform sends e-mail: only with a sender (MAIL_FROM); without one, none is queued either. */
export const sendsMail = () => Boolean(process.env.MAIL_FROM);

/** Sends what the queue holds, oldest first: how many went, and why each that failed did (they stay queued). */
export async function sendQueuedMail(): Promise<{ sent: number; failed: Array<{ event: string; error: unknown }> }> {
  const result = { sent: 0, failed: [] as Array<{ event: string; error: unknown }> };
  if (!sendsMail()) return result;
  for await (const page of mail.queuedPages()) {
    for (const queued of page) {
      const outcome = await sendOne(queued);
      if (outcome === 'sent') result.sent++;
      else if (typeof outcome === 'object') result.failed.push({ event: queued.notification.id, error: outcome.failed });
    }
  }
  return result;
}

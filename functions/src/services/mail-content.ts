// What an e-mail says, in its reader's language: a notification's mail, or a digest of many, each as an accessible HTML
// part (MJML, built with an XML builder that escapes every text) and a plain-text part, with links to what it is about,
// to the settings page, and to the page that stops that kind of e-mail.
import { XMLBuilder } from 'fast-xml-parser';
import mjml2html from 'mjml';
import {
  digestSections,
  formatAgendaTime,
  notificationPath,
  notificationSentence,
  type DigestFrequency,
  type Notification,
  type NotificationKind,
  type SiteLanguage,
} from '@collective-actions/shared';
import * as actionRecords from '../data/actions.ts';
import { m } from '../paraglide/messages.js';
import { sitePage } from './site-pages.ts';

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

const text = (content: string, attributes: Record<string, string> = {}) => ({ ...attributes, '#text': content });
const heading = (content: string, size: string) => text(content, { '@font-weight': 'bold', '@font-size': size });
/** A text that is a link (its words escaped as any text is). */
const linkText = (href: string, content: string) => ({ a: { '@href': href, '@style': 'color:#0b4f9c', '#text': content } });

/** A link in line with the text above it. */
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

/** Why the mail came, and where to choose otherwise: the settings page, and the page that stops this kind of e-mail. */
interface Footer {
  why: string;
  settings: string;
  settingsLink: string;
  unsubscribe: string;
  unsubscribeLink: string;
}

/** The MJML document of a mail: the site's name, its sections, and its footer. */
async function html(language: SiteLanguage, title: string, sections: object[], footer: Footer): Promise<string> {
  const document = xml.build({
    mjml: {
      '@lang': language,
      'mj-head': { 'mj-title': title, 'mj-attributes': { 'mj-all': { '@font-family': 'Arial, Helvetica, sans-serif' }, 'mj-text': { '@font-size': '16px', '@line-height': '1.5', '@color': '#1a1a1a' } } },
      'mj-body': {
        '@background-color': '#ffffff',
        'mj-section': [
          { 'mj-column': { 'mj-text': text(title, { '@font-weight': 'bold', '@font-size': '14px', '@color': '#4d4d4d' }) } },
          ...sections.map((column) => ({ 'mj-column': column })),
          {
            '@border-top': '1px solid #c8c8c8',
            'mj-column': {
              'mj-text': text(footer.why, { '@font-size': '13px', '@color': '#4d4d4d' }),
              'mj-button': [footLink(footer.settingsLink, footer.settings), footLink(footer.unsubscribeLink, footer.unsubscribe)],
            },
          },
        ],
      },
    },
  });
  const { html: rendered, errors } = await mjml2html(document, { validationLevel: 'strict' });
  if (errors.length) throw new Error(`The mail's MJML is not valid: ${errors.map((error) => error.formattedMessage).join('; ')}`);
  return rendered;
}

const textFooter = (footer: Footer) => `-- \n${footer.why}\n${footer.settings}: ${footer.settingsLink}\n${footer.unsubscribe}: ${footer.unsubscribeLink}\n`;

/** Each notification's sentence, with the titles of the actions it names read once. */
async function sentencesIn(language: SiteLanguage, notifications: Notification[]) {
  const slugs = [...new Set(notifications.flatMap((notification) => ('action' in notification ? [notification.action] : [])))];
  const titles = new Map(await Promise.all(slugs.map(async (slug) => [slug, (await actionRecords.getAction(slug))?.title[language] ?? slug] as const)));
  const messages = messagesIn(language);
  const wording = {
    messages,
    locale: language,
    actionTitle: (slug: string) => titles.get(slug) ?? slug,
    start: (item: { start: string; timeZone: string; startsAt: string }) => formatAgendaTime({ ...item, end: null, endsAt: null }, language),
  };
  return { messages, titles, sentence: (notification: Notification) => notificationSentence(notification, wording) };
}

const footerOf = (messages: MessagesIn, language: SiteLanguage, why: string, unsubscribe: string, token: string): Footer => ({
  why,
  settings: messages.mail_settings({}),
  settingsLink: pageIn(language, '/settings'),
  unsubscribe,
  unsubscribeLink: pageIn(language, `/unsubscribe?${new URLSearchParams({ token })}`),
});

/** A notification's mail, in the reader's language, with the page that stops e-mail of its kind. */
export async function renderMail(notification: Notification, language: SiteLanguage, token: string): Promise<RenderedMail> {
  const { messages, sentence: sentenceOf } = await sentencesIn(language, [notification]);
  const sentence = sentenceOf(notification);
  const link = pageIn(language, notificationPath(notification));
  const open = messages.mail_open({});
  const footer = footerOf(messages, language, messages.mail_why({}), messages.mail_unsubscribe({}), token);
  const body = { 'mj-text': text(sentence), 'mj-button': { '@href': link, '@background-color': '#0b4f9c', '@color': '#ffffff', '@align': 'left', '#text': open } };
  return {
    // A header is one line: a hiding's reason may have several.
    subject: sentence.replace(/\s+/g, ' '),
    html: await html(language, messages.site_name({}), [body], footer),
    text: `${sentence}\n\n${open}: ${link}\n\n${textFooter(footer)}`,
  };
}

const kindHeading: Record<NotificationKind, keyof Messages> = {
  'join-requested': 'digest_kind_join_requested',
  'request-approved': 'digest_kind_request_approved',
  'request-declined': 'digest_kind_request_declined',
  'member-removed': 'digest_kind_member_removed',
  'made-lead': 'digest_kind_made_lead',
  'contribution-added': 'digest_kind_contribution_added',
  'contribution-hidden': 'digest_kind_contribution_hidden',
  'contribution-shown': 'digest_kind_contribution_shown',
  'matches-found': 'digest_kind_matches_found',
  'cooperation-proposed': 'digest_kind_cooperation_proposed',
  'cooperation-message': 'digest_kind_cooperation_message',
  'cooperation-accepted': 'digest_kind_cooperation_accepted',
  'cooperation-agreed': 'digest_kind_cooperation_agreed',
  'cooperation-declined': 'digest_kind_cooperation_declined',
  'message-reported': 'digest_kind_message_reported',
  'agenda-item-added': 'digest_kind_agenda_item_added',
  'agenda-item-changed': 'digest_kind_agenda_item_changed',
  'agenda-item-cancelled': 'digest_kind_agenda_item_cancelled',
  'added-to-organisation': 'digest_kind_added_to_organisation',
  'action-created': 'digest_kind_action_created',
  'agenda-item-starting': 'digest_kind_agenda_item_starting',
};

/** What a digest covers, as dates of the reader's zone: one day, or from one to another. */
export function digestPeriod(language: SiteLanguage, timeZone: string, from: string, until: string): string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone });
  // The window ends at a midnight: its last day is the one before.
  return format.formatRange(new Date(from), new Date(new Date(until).getTime() - 1));
}

/**
 * A digest, in the reader's language: grouped by action, then by kind, newest change first, each thing once
 * (`digestSections`), over the period given, with the page that stops this digest.
 */
export async function renderDigest(
  notifications: Notification[],
  digest: { frequency: DigestFrequency; period: string; language: SiteLanguage; token: string },
): Promise<RenderedMail> {
  const { language, period } = digest;
  const { messages, titles, sentence } = await sentencesIn(language, notifications);
  const sections = digestSections(notifications).map(({ action, kinds }) => ({
    title: action ? (titles.get(action) ?? action) : messages.digest_organisations({}),
    kinds: kinds.map(({ kind, notifications: items }) => ({
      heading: messages.digest_heading({ label: messages[kindHeading[kind]]({} as never), count: String(items.length) }),
      items: items.map((notification) => ({ sentence: sentence(notification), link: pageIn(language, notificationPath(notification)) })),
    })),
  }));
  const intro = messages.digest_intro({ period });
  const why = digest.frequency === 'daily' ? messages.mail_why_daily({}) : messages.mail_why_weekly({});
  const footer = footerOf(messages, language, why, messages.mail_unsubscribe_digest({}), digest.token);
  const columns = [
    { 'mj-text': text(intro) },
    ...sections.map((section) => ({
      'mj-text': [
        heading(section.title, '18px'),
        ...section.kinds.flatMap((kind) => [heading(kind.heading, '16px'), ...kind.items.map((item) => linkText(item.link, item.sentence))]),
      ],
    })),
  ];
  const plain = sections.map((section) => [`## ${section.title}`, ...section.kinds.flatMap((kind) => [`\n${kind.heading}`, ...kind.items.map((item) => `- ${item.sentence}\n  ${item.link}`)])].join('\n'));
  return {
    subject: (digest.frequency === 'daily' ? messages.digest_subject_daily({ period }) : messages.digest_subject_weekly({ period })).replace(/\s+/g, ' '),
    html: await html(language, messages.site_name({}), columns, footer),
    text: `${intro}\n\n${plain.join('\n\n')}\n\n${textFooter(footer)}`,
  };
}

// The words and formats of the interface for the platform's vocabulary, in the page's language.
import type {
  AgendaItem,
  Contribution,
  ContributionKind,
  ContributionProgress,
  CooperationStatus,
  EmailFrequency,
  IdentityField,
  MembershipEvent,
  NotificationKind,
  OfferType,
  OrganisationKind,
  Region,
} from '@collective-actions/shared';
import { formatAgendaTime } from '@collective-actions/shared/wording';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

export const kindLabel: Record<OrganisationKind, () => string> = {
  'national-government': m.kind_national_government,
  'local-government': m.kind_local_government,
  'civil-society': m.kind_civil_society,
  'international-organisation': m.kind_international_organisation,
};

export const kindOneLabel: Record<OrganisationKind, () => string> = {
  'national-government': m.kind_one_national_government,
  'local-government': m.kind_one_local_government,
  'civil-society': m.kind_one_civil_society,
  'international-organisation': m.kind_one_international_organisation,
};

export const offerLabel: Record<OfferType, () => string> = {
  tools: m.offer_tools,
  expertise: m.offer_expertise,
  data: m.offer_data,
  funding: m.offer_funding,
  'policy-commitment': m.offer_policy_commitment,
  'event-hosting': m.offer_event_hosting,
};

export const agendaKindLabel: Record<AgendaItem['kind'], () => string> = {
  milestone: m.agenda_kind_milestone,
  meeting: m.agenda_kind_meeting,
  event: m.agenda_kind_event,
  deliverable: m.agenda_kind_deliverable,
};

export const agendaStatusLabel: Record<AgendaItem['status'], () => string> = {
  planned: m.agenda_status_planned,
  done: m.agenda_status_done,
  postponed: m.agenda_status_postponed,
  cancelled: m.agenda_status_cancelled,
};

export const historyLabel: Record<MembershipEvent['event'], (inputs: { organisation: string }) => string> = {
  joined: m.history_joined,
  left: m.history_left,
  removed: m.history_removed,
  'became-lead': m.history_became_lead,
  'became-member': m.history_became_member,
};

const identityFieldLabel: Record<IdentityField, () => string> = {
  name: m.identity_name,
  kind: m.identity_kind,
  country: m.identity_country,
  website: m.identity_website,
};

/** What changed of an organisation's identity, as a list a person reads: "name and website". */
export const identityChanges = (fields: IdentityField[]) =>
  new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(fields.map((field) => identityFieldLabel[field]()));

export const countryName = (code: string) => new Intl.DisplayNames([getLocale()], { type: 'region' }).of(code) ?? code;

/** Countries to choose from, by name in the page's language. */
export const countryOptions = (codes: string[]) =>
  codes.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label, getLocale()));

export const formatNumber = (value: number) => new Intl.NumberFormat(getLocale()).format(value);

/** An instant as a date and time in UTC, say when a file was built. */
export const formatInstant = (instant: string) =>
  new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(new Date(instant));

/** An instant to the minute, in UTC, saying so: when a message was written. */
export const formatMoment = (instant: string) =>
  new Intl.DateTimeFormat(getLocale(), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(instant));

/** A day, as a person reads it in the page's language. */
export const formatDay = (instant: string) => new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(instant));

/** Each action's title in every language, by slug: what a page's data carries, for `titlesInPageLanguage`. */
export const titlesBySlug = (actions: Array<{ slug: string; title: Record<ReturnType<typeof getLocale>, string> }>) =>
  Object.fromEntries(actions.map((action) => [action.slug, action.title]));

/** Each action's title in the page's language, by slug, from the titles in every language. */
export const titlesInPageLanguage = (titles: Record<string, Record<ReturnType<typeof getLocale>, string>>) =>
  Object.fromEntries(Object.entries(titles).map(([slug, title]) => [slug, title[getLocale()]]));

/** Why a contribution is hidden, by whom (a lead or a steward, when that was kept) and since when. */
export const hiddenNote = ({ reason, at, by }: NonNullable<Contribution['hidden']>) => {
  const inputs = { reason, date: formatDay(at) };
  return by === 'lead' ? m.hidden_by_lead(inputs) : by === 'steward' ? m.hidden_by_steward(inputs) : m.hidden_by_moderators(inputs);
};

/** When an agenda item happens, in its own time zone, in the page's language. */
export const formatWhen = (item: Pick<AgendaItem, 'start' | 'end' | 'timeZone' | 'startsAt' | 'endsAt'>) => formatAgendaTime(item, getLocale());

/** Languages people most often write contributions in; the API takes any ISO 639-1 code. */
export const writingLanguages = ['en', 'fr', 'es', 'pt', 'ar', 'de', 'it', 'nl', 'ru', 'uk', 'pl', 'tr', 'sw', 'id', 'ja', 'ko', 'zh'] as const;

export const languageName = (code: string) => new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;

/** Each kind of notification, as the settings page names it: what happens. */
export const notificationKindLabel: Record<NotificationKind, () => string> = {
  'join-requested': m.settings_kind_join_requested,
  'request-approved': m.settings_kind_request_approved,
  'request-declined': m.settings_kind_request_declined,
  'member-removed': m.settings_kind_member_removed,
  'made-lead': m.settings_kind_made_lead,
  'contribution-added': m.settings_kind_contribution_added,
  'contribution-hidden': m.settings_kind_contribution_hidden,
  'contribution-shown': m.settings_kind_contribution_shown,
  'matches-found': m.settings_kind_matches_found,
  'cooperation-proposed': m.settings_kind_cooperation_proposed,
  'cooperation-message': m.settings_kind_cooperation_message,
  'cooperation-accepted': m.settings_kind_cooperation_accepted,
  'cooperation-agreed': m.settings_kind_cooperation_agreed,
  'cooperation-declined': m.settings_kind_cooperation_declined,
  'message-reported': m.settings_kind_message_reported,
  'agenda-item-added': m.settings_kind_agenda_item_added,
  'agenda-item-changed': m.settings_kind_agenda_item_changed,
  'agenda-item-cancelled': m.settings_kind_agenda_item_cancelled,
  'added-to-organisation': m.settings_kind_added_to_organisation,
  'action-created': m.settings_kind_action_created,
  'agenda-item-starting': m.settings_kind_agenda_item_starting,
};

export const frequencyLabel: Record<EmailFrequency, () => string> = {
  immediately: m.settings_frequency_immediately,
  daily: m.settings_frequency_daily,
  weekly: m.settings_frequency_weekly,
  never: m.settings_frequency_never,
};

export const progressLabel: Record<ContributionProgress, () => string> = {
  'not-started': m.progress_not_started,
  'in-progress': m.progress_in_progress,
  delivered: m.progress_delivered,
};

export const cooperationStatusLabel: Record<CooperationStatus, () => string> = {
  proposed: m.cooperation_status_proposed,
  declined: m.cooperation_status_declined,
  agreed: m.cooperation_status_agreed,
  'in-progress': m.cooperation_status_in_progress,
  delivered: m.cooperation_status_delivered,
  stopped: m.cooperation_status_stopped,
};

export const contributionKindLabel: Record<ContributionKind, () => string> = {
  offer: m.contribution_kind_offer,
  request: m.contribution_kind_request,
};

export const regionLabel: Record<Region, () => string> = {
  africa: m.region_africa,
  americas: m.region_americas,
  asia: m.region_asia,
  europe: m.region_europe,
  oceania: m.region_oceania,
};

/** The names of a contribution's fields, as its forms' error summaries link to them. */
export const contributionFieldLabels = () => ({
  offers: m.field_offers(),
  title: m.field_title(),
  text: m.field_text(),
  links: m.field_links(),
  language: m.field_language(),
  region: m.field_region(),
  deadline: m.field_deadline(),
});

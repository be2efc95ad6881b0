// The route table: the single source of the API's routes, with what each takes and answers, for the handlers, the
// local gateway, the CDK stack, the OpenAPI description and the site's API client.
import * as z from 'zod';
import { messageThrottle, proposalThrottle, type Access, type Allowance, type ReplySchema, type RequestSchemas, type TableAccess } from './api-policy.ts';
import { newContributionUpdate, newProgressUpdate, progressUpdate, progressUpdatePage } from './progress.ts';
import {
  action,
  actionChanges,
  actionList,
  actionPath,
  actionView,
  actionsQuery,
  agendaItem,
  agendaItemChanges,
  agendaItemPath,
  agendaPage,
  agendaQuery,
  coalitionMember,
  coalitionMembersView,
  contribution,
  contributionChanges,
  contributionPage,
  contributionPath,
  contributionView,
  contributionsQuery,
  acceptancePath,
  cooperationList,
  cooperationsQuery,
  latestCooperationsQuery,
  block,
  blockList,
  blockPath,
  cooperationPage,
  cooperationPath,
  cooperationView,
  message,
  messagePage,
  messagePath,
  messageReport,
  newReport,
  reportDecision,
  reportPage,
  reportPath,
  reportsQuery,
  restorableDays,
  newCooperation,
  newMessage,
  statusChange,
  matchPage,
  matchesQuery,
  organisationMatches,
  organisationMatchesQuery,
  exportPath,
  exportResources,
  following,
  hiding,
  joinRequest,
  jsonFeed,
  leadAppointment,
  me,
  membershipChange,
  membershipHistory,
  membershipPath,
  newAction,
  newAgendaItem,
  newContribution,
  newOrganisation,
  newPerson,
  notificationPage,
  notificationsRead,
  oneClickUnsubscribe,
  organisation,
  organisationChanges,
  organisationView,
  organisationHistory,
  organisationPage,
  organisationPath,
  organisationsQuery,
  organisationContributionsQuery,
  hiddenContributionsQuery,
  hiddenContributionList,
  pageQuery,
  people,
  settings,
  settingsChanges,
  signInQuery,
  person,
  searchQuery,
  searchResults,
  stats,
  unreadCount,
  unsubscribeQuery,
  unsubscription,
  verification,
  verificationQueue,
  verificationWithdrawal,
} from './index.ts';


const calendarText = z.string().meta({ description: 'An iCalendar (RFC 5545) document, one VEVENT per agenda item' });
const atomText = z.string().meta({ description: 'An Atom (RFC 4287) feed; `link rel="next"` gives the following page (RFC 5005)' });
const csvText = z.string().meta({ description: 'RFC 4180 CSV in UTF-8, with a header row; the data package gives the columns' });
const exportDocument = z
  .union([
    ...Object.values(exportResources).map(({ row }) => z.array(row)),
    z.looseObject({ name: z.string(), resources: z.array(z.looseObject({ name: z.string(), path: z.string() })) }),
  ])
  .meta({ description: 'The records as a JSON array, or the Frictionless data package descriptor (datapackage.json)' });
const apiDescriptionDocument = z.looseObject({ openapi: z.literal('3.1.0') }).meta({ description: 'An OpenAPI 3.1 document' });

export const routes = [
  {
    method: 'GET', path: '/v1/actions', handler: 'list-actions', access: 'public', table: 'read',
    summary: 'List the themes and the collective actions, in their order',
    request: { query: actionsQuery },
    replies: { 200: actionList },
  },
  {
    method: 'POST', path: '/v1/actions', handler: 'create-action', access: 'steward', table: 'write',
    summary: 'Create a collective action',
    request: { body: newAction },
    replies: { 201: action },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}', handler: 'get-action', access: 'optional', table: 'read',
    summary: 'Get a collective action with its counts',
    request: { params: actionPath },
    replies: { 200: actionView },
  },
  {
    method: 'PATCH', path: '/v1/actions/{slug}', handler: 'update-action', access: 'steward', table: 'write',
    summary: 'Change a collective action, at the version read',
    request: { params: actionPath, body: actionChanges },
    replies: { 200: action },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/contributions', handler: 'list-contributions', access: 'optional', table: 'read',
    summary: "List an action's contributions, newest first; leads and stewards may list the hidden ones",
    request: { params: actionPath, query: contributionsQuery },
    replies: { 200: contributionPage },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/contributions', handler: 'submit-contribution', access: 'signed-in', table: 'write',
    summary: 'Contribute to an action on behalf of one of your organisations',
    request: { params: actionPath, body: newContribution },
    replies: { 201: contribution },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/contributions/{id}', handler: 'get-contribution', access: 'optional', table: 'read',
    summary: "Get a contribution; a hidden one only to its organisation, the leads and stewards; a withdrawn one only to its organisation's people",
    request: { params: contributionPath },
    replies: { 200: contributionView },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/contributions/{id}/matches', handler: 'list-matches', access: 'public', table: 'read', snapshot: true,
    summary: 'The offers that could answer a request, or the requests an offer could answer, best first',
    request: { params: contributionPath, query: matchesQuery },
    replies: { 200: matchPage },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/contributions/{id}/cooperations', handler: 'propose-cooperation', access: 'signed-in', table: 'write',
    summary: "Propose to cooperate with a contribution's organisation, for one of yours, with a first message: this opens a private thread between the two",
    throttle: proposalThrottle,
    request: { params: contributionPath, body: newCooperation },
    replies: { 201: cooperationView },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/cooperations', handler: 'list-cooperations', access: 'public', table: 'read',
    summary: "An action's cooperations that both organisations agreed to, newest proposed first; of one status, or on one contribution, when told",
    request: { params: actionPath, query: cooperationsQuery },
    replies: { 200: cooperationList },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/cooperations/{id}', handler: 'get-cooperation', access: 'optional', table: 'read',
    summary: 'Get a cooperation: anyone once both organisations agreed to it, their people only before',
    request: { params: cooperationPath },
    replies: { 200: cooperationView },
  },
  {
    method: 'PUT', path: '/v1/actions/{slug}/cooperations/{id}/acceptances/{organisationId}', handler: 'accept-cooperation', access: 'signed-in', table: 'write',
    summary: 'Accept a proposed cooperation for your organisation (its admins): once both organisations have, it is agreed and public',
    request: { params: acceptancePath },
    replies: { 200: cooperationView },
  },
  {
    method: 'PUT', path: '/v1/actions/{slug}/cooperations/{id}/status', handler: 'change-cooperation-status', access: 'signed-in', table: 'write',
    summary: 'Decline a proposed cooperation (the admins of either organisation), or say an agreed one is in progress, delivered or stopped (their people)',
    request: { params: cooperationPath, body: statusChange },
    replies: { 200: cooperationView },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/cooperations/{id}/updates', handler: 'list-cooperation-updates', access: 'public', table: 'read',
    summary: "A cooperation's public progress updates, newest first, once both organisations agreed to it",
    request: { params: cooperationPath, query: pageQuery },
    replies: { 200: progressUpdatePage },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/cooperations/{id}/updates', handler: 'post-cooperation-update', access: 'signed-in', table: 'write',
    summary: 'Post a public progress update on an agreed cooperation, for your organisation (the people of its two organisations)',
    request: { params: cooperationPath, body: newProgressUpdate },
    replies: { 201: progressUpdate },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/cooperations/{id}/messages', handler: 'list-messages', access: 'signed-in', table: 'read',
    summary: "A cooperation's private thread, newest message first (the people of its two organisations)",
    request: { params: cooperationPath, query: pageQuery },
    replies: { 200: messagePage },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/cooperations/{id}/messages', handler: 'post-message', access: 'signed-in', table: 'write',
    summary: "Write in a cooperation's thread for your organisation (plain text; web addresses become links): the other organisation is told",
    throttle: messageThrottle,
    request: { params: cooperationPath, body: newMessage },
    replies: { 201: message },
  },
  {
    method: 'PATCH', path: '/v1/actions/{slug}/cooperations/{id}/messages/{messageId}', handler: 'edit-message', access: 'signed-in', table: 'write',
    summary: 'Change the text of a message you wrote, within 15 minutes of posting it, unless it was reported',
    request: { params: messagePath, body: newMessage },
    replies: { 200: message },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/cooperations/{id}/messages/{messageId}/report', handler: 'report-message', access: 'signed-in', table: 'write',
    summary: "Report a message of the other organisation's to the platform's stewards, who are told and read it (nothing else of the thread): once per message",
    throttle: messageThrottle,
    request: { params: messagePath, body: newReport },
    replies: { 200: message },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/contributions/{id}/updates', handler: 'list-contribution-updates', access: 'public', table: 'read',
    summary: "A public contribution's progress updates, newest first",
    request: { params: contributionPath, query: pageQuery },
    replies: { 200: progressUpdatePage },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/contributions/{id}/updates', handler: 'post-contribution-update', access: 'signed-in', table: 'write',
    summary: 'Post a public progress update on one of your contributions, and say whether it is in progress or delivered',
    request: { params: contributionPath, body: newContributionUpdate },
    replies: { 201: progressUpdate },
  },
  {
    method: 'PATCH', path: '/v1/actions/{slug}/contributions/{id}', handler: 'edit-contribution', access: 'signed-in', table: 'write',
    summary: "Edit one of your organisation's contributions, at the version read",
    request: { params: contributionPath, body: contributionChanges },
    replies: { 200: contribution },
  },
  {
    method: 'DELETE', path: '/v1/actions/{slug}/contributions/{id}', handler: 'withdraw-contribution', access: 'signed-in', table: 'write',
    summary: `Withdraw one of your organisation's contributions: it leaves every list and count, and its people may restore it for ${restorableDays} days`,
    request: { params: contributionPath },
    replies: { 204: null },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/contributions/{id}/restoration', handler: 'restore-contribution', access: 'signed-in', table: 'write',
    summary: `Restore one of your organisation's withdrawn contributions as it was, within ${restorableDays} days of its withdrawal`,
    request: { params: contributionPath },
    replies: { 200: contribution },
  },
  {
    method: 'PUT', path: '/v1/actions/{slug}/contributions/{id}/hidden', handler: 'hide-contribution', access: 'signed-in', table: 'write',
    summary: 'Hide a contribution, with a reason (leads and stewards)',
    request: { params: contributionPath, body: hiding },
    replies: { 200: contribution },
  },
  {
    method: 'DELETE', path: '/v1/actions/{slug}/contributions/{id}/hidden', handler: 'unhide-contribution', access: 'signed-in', table: 'write',
    summary: 'Show a hidden contribution again (leads and stewards)',
    request: { params: contributionPath },
    replies: { 200: contribution },
  },
  {
    method: 'PUT', path: '/v1/actions/{slug}/following', handler: 'follow-action', access: 'signed-in', table: 'write',
    summary: "Follow an action: be told of its agenda and its new contributions",
    request: { params: actionPath },
    replies: { 200: following },
  },
  {
    method: 'DELETE', path: '/v1/actions/{slug}/following', handler: 'unfollow-action', access: 'signed-in', table: 'write',
    summary: 'Stop following an action (its coalition members follow it until they do)',
    request: { params: actionPath },
    replies: { 200: following },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/members', handler: 'list-members', access: 'optional', table: 'read',
    summary: "List an action's coalition; leads, stewards and the organisation itself also see requests",
    request: { params: actionPath },
    replies: { 200: coalitionMembersView },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/members', handler: 'request-membership', access: 'signed-in', table: 'write',
    summary: "Ask for one of your organisations to join an action's coalition",
    request: { params: actionPath, body: joinRequest },
    replies: { 201: coalitionMember },
  },
  {
    method: 'PATCH', path: '/v1/actions/{slug}/members/{organisationId}', handler: 'change-membership', access: 'signed-in', table: 'write',
    summary: 'Approve, decline or remove a member, or change its role (leads and stewards)',
    request: { params: membershipPath, body: membershipChange },
    replies: { 200: coalitionMember, 204: null },
  },
  {
    method: 'DELETE', path: '/v1/actions/{slug}/members/{organisationId}', handler: 'leave-coalition', access: 'signed-in', table: 'write',
    summary: "Leave a coalition, or withdraw a request to join (the organisation's admins)",
    request: { params: membershipPath },
    replies: { 204: null },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/leads', handler: 'appoint-lead', access: 'steward', table: 'write',
    summary: "Appoint an organisation as a lead of an action's coalition",
    request: { params: actionPath, body: leadAppointment },
    replies: { 200: coalitionMember, 201: coalitionMember },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/history', handler: 'list-membership-history', access: 'public', table: 'read',
    summary: "A coalition's public history, newest first",
    request: { params: actionPath, query: pageQuery },
    replies: { 200: membershipHistory },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/agenda', handler: 'list-action-agenda', access: 'public', table: 'read',
    summary: "An action's agenda, in time order",
    request: { params: actionPath, query: agendaQuery },
    replies: { 200: agendaPage },
  },
  {
    method: 'POST', path: '/v1/actions/{slug}/agenda', handler: 'add-agenda-item', access: 'signed-in', table: 'write',
    summary: "Add an item to an action's agenda (leads and stewards)",
    request: { params: actionPath, body: newAgendaItem },
    replies: { 201: agendaItem },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/agenda.ics', handler: 'action-calendar', access: 'public', table: 'read',
    summary: "An action's agenda as an iCalendar feed",
    // Calendar clients refresh every few minutes or hours; the feed says an hour (REFRESH-INTERVAL).
    cacheSeconds: 300,
    request: { params: actionPath },
    replies: { 200: { 'text/calendar': calendarText } },
  },
  {
    method: 'GET', path: '/v1/actions/{slug}/agenda/{id}', handler: 'get-agenda-item', access: 'public', table: 'read',
    summary: 'Get an agenda item',
    request: { params: agendaItemPath },
    replies: { 200: agendaItem },
  },
  {
    method: 'PATCH', path: '/v1/actions/{slug}/agenda/{id}', handler: 'edit-agenda-item', access: 'signed-in', table: 'write',
    summary: 'Change an agenda item, at the version read (leads and stewards)',
    request: { params: agendaItemPath, body: agendaItemChanges },
    replies: { 200: agendaItem },
  },
  {
    method: 'DELETE', path: '/v1/actions/{slug}/agenda/{id}', handler: 'delete-agenda-item', access: 'signed-in', table: 'write',
    summary: 'Delete an agenda item (leads and stewards)',
    request: { params: agendaItemPath },
    replies: { 204: null },
  },
  {
    method: 'GET', path: '/v1/agenda', handler: 'list-agenda', access: 'public', table: 'read',
    summary: 'The agenda of every action, in time order, from today unless told otherwise',
    request: { query: agendaQuery },
    replies: { 200: agendaPage },
  },
  {
    method: 'GET', path: '/v1/agenda.ics', handler: 'platform-calendar', access: 'public', table: 'read',
    summary: 'The agenda of every action as an iCalendar feed',
    cacheSeconds: 300,
    replies: { 200: { 'text/calendar': calendarText } },
  },
  // Reading the caller turns invitations waiting for their e-mail into memberships.
  {
    method: 'GET', path: '/v1/me', handler: 'get-me', access: 'signed-in', table: 'write',
    summary: 'The signed-in person and their organisations; at sign-in, the site says the language it is read in',
    request: { query: signInQuery },
    replies: { 200: me },
  },
  {
    method: 'GET', path: '/v1/me/settings', handler: 'get-settings', access: 'signed-in', table: 'read',
    summary: 'Your settings: your e-mail address, language, time zone, how often each kind of notification is e-mailed, the themes you follow and whether you are reminded of agenda items',
    replies: { 200: settings },
  },
  {
    method: 'PATCH', path: '/v1/me/settings', handler: 'change-settings', access: 'signed-in', table: 'write',
    summary: 'Change your language, time zone, how often a kind of notification is e-mailed, the themes you follow, or your reminders',
    request: { body: settingsChanges },
    replies: { 200: settings },
  },
  // Links in every e-mail: they work without signing in, the token saying whose e-mail and what of it.
  {
    method: 'GET', path: '/v1/unsubscribe', handler: 'get-unsubscription', access: 'public', table: 'read',
    summary: "What an e-mail's unsubscribe link turns off (the site's page asks before it does), without signing in",
    request: { query: unsubscribeQuery },
    // It tells of one person's settings: kept by no one.
    cacheSeconds: 0,
    replies: { 200: unsubscription },
  },
  {
    method: 'POST', path: '/v1/unsubscribe', handler: 'unsubscribe', access: 'public', table: 'write',
    summary: "Turn off what an e-mail's unsubscribe link names, in one click (RFC 8058: what the mail's List-Unsubscribe header names), without signing in",
    request: { query: unsubscribeQuery, form: oneClickUnsubscribe },
    replies: { 200: unsubscription },
  },
  {
    method: 'GET', path: '/v1/me/notifications', handler: 'list-notifications', access: 'signed-in', table: 'read',
    summary: 'Your notifications, newest first, with how many are unread',
    request: { query: pageQuery },
    replies: { 200: notificationPage },
  },
  {
    method: 'POST', path: '/v1/me/notifications/read', handler: 'read-notifications', access: 'signed-in', table: 'write',
    summary: 'Mark some of your notifications read, or all of them; answers how many are still unread',
    request: { body: notificationsRead },
    replies: { 200: unreadCount },
  },
  {
    method: 'GET', path: '/v1/me/session', handler: 'check-session', access: 'signed-in', table: 'read',
    summary: 'Whether the access token sent is still good: 204, or 401 once its session was signed out or it expired',
    replies: { 204: null },
  },
  {
    method: 'DELETE', path: '/v1/me/session', handler: 'end-session', access: 'signed-in', table: 'write',
    summary: 'Sign out: from now on the API refuses the access token sent, though it has not expired',
    replies: { 204: null },
  },
  {
    method: 'GET', path: '/v1/organisations', handler: 'list-organisations', access: 'public', table: 'read',
    summary: 'The directory of organisations, by name',
    request: { query: organisationsQuery },
    replies: { 200: organisationPage },
  },
  {
    method: 'POST', path: '/v1/organisations', handler: 'register-organisation', access: 'signed-in', table: 'write',
    summary: 'Register an organisation, with yourself as its admin',
    request: { body: newOrganisation },
    replies: { 201: organisation },
  },
  {
    method: 'GET', path: '/v1/organisations/{id}', handler: 'get-organisation', access: 'optional', table: 'read',
    summary: 'Get an organisation and its coalitions',
    request: { params: organisationPath },
    replies: { 200: organisationView },
  },
  {
    method: 'PATCH', path: '/v1/organisations/{id}', handler: 'update-organisation', access: 'signed-in', table: 'write',
    summary: 'Change an organisation, at the version read (its admins)',
    request: { params: organisationPath, body: organisationChanges },
    replies: { 200: organisation },
  },
  {
    method: 'GET', path: '/v1/organisations/{id}/contributions', handler: 'list-organisation-contributions', access: 'optional', table: 'read',
    summary: "An organisation's public contributions, newest first; with `visibility=all`, for its people, its hidden ones (why, and whether a lead or a steward hid them) and its withdrawn ones too",
    request: { params: organisationPath, query: organisationContributionsQuery },
    replies: { 200: contributionPage },
  },
  {
    method: 'GET', path: '/v1/organisations/{id}/cooperations', handler: 'list-organisation-cooperations', access: 'signed-in', table: 'read',
    summary: "An organisation's cooperations, proposed by it or to it, whatever their status, newest first (its people)",
    request: { params: organisationPath, query: pageQuery },
    replies: { 200: cooperationPage },
  },
  {
    method: 'GET', path: '/v1/organisations/{id}/matches', handler: 'list-organisation-matches', access: 'signed-in', table: 'read', snapshot: true,
    summary: "The matches of your organisation's public contributions published since a moment (a week ago unless told), best first for each",
    request: { params: organisationPath, query: organisationMatchesQuery },
    replies: { 200: organisationMatches },
  },
  {
    method: 'GET', path: '/v1/organisations/{id}/blocks', handler: 'list-blocks', access: 'signed-in', table: 'read',
    summary: 'The organisations an organisation blocked (its people)',
    request: { params: organisationPath },
    replies: { 200: blockList },
  },
  {
    method: 'PUT', path: '/v1/organisations/{id}/blocks/{organisationId}', handler: 'block-organisation', access: 'signed-in', table: 'write',
    summary: 'Block another organisation (its admins): from now on it may not propose cooperations to this one, nor write in their threads',
    request: { params: blockPath },
    replies: { 200: block },
  },
  {
    method: 'DELETE', path: '/v1/organisations/{id}/blocks/{organisationId}', handler: 'unblock-organisation', access: 'signed-in', table: 'write',
    summary: 'Unblock an organisation (its admins)',
    request: { params: blockPath },
    replies: { 204: null },
  },
  {
    method: 'GET', path: '/v1/organisations/{id}/people', handler: 'list-people', access: 'signed-in', table: 'read',
    summary: "An organisation's people and invitations (its members)",
    request: { params: organisationPath },
    replies: { 200: people },
  },
  {
    method: 'POST', path: '/v1/organisations/{id}/people', handler: 'add-person', access: 'signed-in', table: 'write',
    summary: 'Add a person to an organisation by e-mail (its admins)',
    request: { params: organisationPath, body: newPerson },
    replies: { 201: person },
  },
  {
    method: 'POST', path: '/v1/organisations/{id}/verification', handler: 'verify-organisation', access: 'steward', table: 'write',
    summary: 'Verify an organisation as it is at the version read, with a note if you wish (shown in its public history); a later change of its name, kind, country or website withdraws it',
    request: { params: organisationPath, body: verification },
    replies: { 200: organisation },
  },
  {
    method: 'POST', path: '/v1/organisations/{id}/verification/withdrawal', handler: 'withdraw-verification', access: 'steward', table: 'write',
    summary: 'Withdraw the verification of an organisation, at the version read, saying why (shown in its public history)',
    request: { params: organisationPath, body: verificationWithdrawal },
    replies: { 200: organisation },
  },
  {
    method: 'GET', path: '/v1/organisations/{id}/history', handler: 'list-organisation-history', access: 'public', table: 'read',
    summary: "An organisation's public history: its verifications, and their withdrawal (by a steward, or when its identity changed), with the stewards' notes, newest first",
    request: { params: organisationPath, query: pageQuery },
    replies: { 200: organisationHistory },
  },
  {
    method: 'GET', path: '/v1/verifications', handler: 'list-verification-requests', access: 'steward', table: 'read',
    summary: 'Organisations waiting for verification, oldest first: new ones, and verified ones whose identity changed',
    request: { query: pageQuery },
    replies: { 200: verificationQueue },
  },
  {
    method: 'GET', path: '/v1/hidden-contributions', handler: 'list-recently-hidden', access: 'steward', table: 'read',
    summary: 'The contributions hidden most recently across every action, the latest hidden first (stewards)',
    request: { query: hiddenContributionsQuery },
    replies: { 200: hiddenContributionList },
  },
  {
    method: 'GET', path: '/v1/reports', handler: 'list-reports', access: 'steward', table: 'read',
    summary: "The stewards' queue of reported messages, each as it was reported: open ones oldest first, decided ones newest first",
    request: { query: reportsQuery },
    replies: { 200: reportPage },
  },
  {
    method: 'PUT', path: '/v1/reports/{id}/decision', handler: 'decide-report', access: 'steward', table: 'write',
    summary: 'Decide on an open report: hide the message from its thread, or leave it; the same decision again changes nothing',
    request: { params: reportPath, body: reportDecision },
    replies: { 200: messageReport },
  },
  {
    method: 'GET', path: '/v1/cooperations', handler: 'list-latest-cooperations', access: 'public', table: 'read',
    summary: 'The cooperations of every action that last came to a status (delivered unless told), latest first',
    request: { query: latestCooperationsQuery },
    replies: { 200: cooperationList },
  },
  {
    method: 'GET', path: '/v1/stats', handler: 'get-stats', access: 'public', table: 'read',
    summary: 'Platform statistics',
    replies: { 200: stats },
  },
  {
    method: 'GET', path: '/v1/changes', handler: 'list-changes', access: 'public', table: 'read',
    summary: 'What changed: new contributions, coalition memberships, agenda items and agreed cooperations, newest first, as a JSON Feed',
    request: { query: pageQuery },
    replies: { 200: { 'application/feed+json': jsonFeed } },
  },
  {
    method: 'GET', path: '/v1/changes.atom', handler: 'changes-atom', access: 'public', table: 'read',
    summary: 'What changed, as an Atom feed (paged with rel="next" links)',
    request: { query: pageQuery },
    replies: { 200: { 'application/atom+xml': atomText } },
  },
  {
    method: 'GET', path: '/v1/exports/{file}', handler: 'get-export', access: 'public', table: 'none', snapshot: true,
    summary: 'Download open data: every public record of a kind as CSV or JSON, or the data package describing them',
    request: { params: exportPath },
    replies: { 200: { 'text/csv': csvText, 'application/json': exportDocument }, 302: null },
  },
  {
    method: 'GET', path: '/v1/search', handler: 'search', access: 'public', table: 'none', snapshot: true,
    summary: 'Search actions, contributions, organisations and agenda items, in English and French',
    request: { query: searchQuery },
    replies: { 200: searchResults },
  },
  {
    method: 'GET', path: '/v1/openapi.json', handler: 'get-api-description', access: 'public', table: 'none',
    summary: 'This description of the API, in OpenAPI 3.1',
    // It changes with the code only.
    cacheSeconds: 3600,
    replies: { 200: { 'application/json': apiDescriptionDocument } },
  },
] as const satisfies ReadonlyArray<{
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: string;
  access: Access;
  table: TableAccess;
  /** It reads the open-data snapshot built from the table (its exports and search index), through their public address. */
  snapshot?: true;
  summary: string;
  /** A tighter allowance of changes, besides the write throttle's (api-policy.ts). */
  throttle?: Allowance;
  /** How long an answer to anyone may be kept, when not `publicCacheSeconds`; 0: not at all. */
  cacheSeconds?: number;
  request?: RequestSchemas;
  replies: { [status: number]: ReplySchema };
}>;

export type Route = (typeof routes)[number];

type RoutesByKey = { [R in Route as `${R['method']} ${R['path']}`]: R };

/** "METHOD /path", as API Gateway names a route in `event.routeKey`. */
export type RouteKey = keyof RoutesByKey;

export const routeKey = (route: Route): RouteKey => `${route.method} ${route.path}` as RouteKey;

export type AccessOf<Key extends RouteKey> = RoutesByKey[Key]['access'];

/** The request schemas of a route: `{}` when it reads nothing. */
export type RequestOf<Key extends RouteKey> = RoutesByKey[Key] extends { request: infer Schemas extends RequestSchemas } ? Schemas : {};

export function findRoute(key: string): Route | undefined {
  return routes.find((route) => routeKey(route) === key);
}

const patterns = routes.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replaceAll('.', '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

/** The routes whose path a request's path matches (each parameter one segment, still URL-encoded), as API Gateway matches them. */
export function routesMatching(path: string): Array<{ route: Route; params: Record<string, string> }> {
  return patterns.flatMap(({ route, pattern }) => {
    const match = pattern.exec(path);
    return match ? [{ route, params: { ...match.groups } }] : [];
  });
}

/**
 * The HTTP API's route for every /v1 request no route of the table takes, in AWS and locally: its function answers
 * CORS preflights, and 404 or 405 as problems.
 */
export const unmatchedRouteKey = 'ANY /v1/{proxy+}';

type Values<T> = T[keyof T];
type JsonReplies<Key extends RouteKey> = Values<{
  [Status in keyof RoutesByKey[Key]['replies']]: RoutesByKey[Key]['replies'][Status] extends z.ZodType ? z.output<RoutesByKey[Key]['replies'][Status]> : never;
}>;

/** What a route's success answers in JSON (undefined when it answers 204 or another media type only). */
export type AnswerOf<Key extends RouteKey> = [JsonReplies<Key>] extends [never] ? undefined : JsonReplies<Key>;

/** The JSON schema of a route's success answers, if it has one. */
export const answerSchemaOf = (route: Route): z.ZodType | undefined =>
  Object.values(route.replies).find((reply): reply is z.ZodType => reply instanceof z.ZodType);

/** The address of a route with its path parameters filled in. */
export const pathOf = (route: Route, params: Record<string, string> = {}): string =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

// Form handling shared by the workspace's pages: checking a submission with the API's own schema, and wording each problem in the page's language.
import { fail, redirect, type Action, type RequestEvent } from '@sveltejs/kit';
import type * as z from 'zod';
import type { AddressProblem, ProblemDocument } from '@collective-actions/shared';
import { findRoute, type AnswerOf } from '@collective-actions/shared/routes';
import type { ChangeKey, ChangeRequest } from '#lib/api.ts';
import { flashCookie, type Flash } from '#lib/flash.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';

/** Field name → what is wrong with it, in the page's language; `form` is what concerns the whole form. */
export type FormErrors = Record<string, string>;

const addressWording: Record<AddressProblem, () => string> = {
  spaces: m.error_url_spaces,
  scheme: m.error_url,
  backslash: m.error_url_backslash,
  unreadable: m.error_url,
  credentials: m.error_url_credentials,
  domain: m.error_url_domain,
};

/** A zod issue in words a person reads next to the field (the API's own details are in English). */
function wordIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    // Forms send text only: a value of the wrong type is one left out.
    case 'invalid_type':
      return m.error_required();
    case 'too_small':
      if (issue.origin === 'array') return m.error_choose_one();
      return Number(issue.minimum) <= 1 ? m.error_required() : m.error_too_short({ min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'array' ? m.error_too_many({ max: Number(issue.maximum) }) : m.error_too_long({ max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'url' ? m.error_url() : issue.format === 'email' ? m.error_email() : m.error_invalid();
    case 'invalid_value':
      return m.error_choose();
    // What the shared schemas say of a character or an address they refuse.
    case 'custom':
      if (issue.params?.reason === 'character') return m.error_character({ character: issue.params.character });
      if (issue.params?.reason === 'address') return addressWording[issue.params.problem as AddressProblem]();
      return m.error_invalid();
    default:
      return m.error_invalid();
  }
}

/** The first problem of each field (by the first segment of its path). */
export function errorsOf(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    // "title.en" for a field of an object; an item of a list is its list ("offers").
    const field = issue.path.filter((segment) => typeof segment === 'string').join('.') || 'form';
    errors[field] ??= wordIssue(issue);
  }
  return errors;
}

/** What the API refused: next to the fields it names, or for the whole form, in a sentence its status chooses. */
export function problemErrors(problem: ProblemDocument): FormErrors {
  const fields = Object.fromEntries(
    (problem.errors ?? []).flatMap((error) => (error.pointer ? [[error.pointer.split('/')[1] ?? 'form', m.error_invalid()]] : [])),
  );
  if (Object.keys(fields).length) return fields;
  const sentence = { 403: m.error_forbidden, 404: m.error_gone, 409: m.error_conflict, 422: m.error_already_sent }[problem.status] ?? m.error_invalid;
  return { form: sentence() };
}

/** Only the named parameters of a page's query string, for an API list that takes fewer than the page shows. */
export const pick = (from: URLSearchParams, names: string[]) => new URLSearchParams([...from].filter(([name]) => names.includes(name)));

/** The errors of the body's fields under the form's names for them, where the form names one otherwise. */
const underFormNames = (errors: FormErrors, renamed: Record<string, string>): FormErrors =>
  Object.fromEntries(Object.entries(errors).map(([field, message]) => [renamed[field] ?? field, message]));

/** Parses a submission with the API's schema; on failure, the 400 a form action answers with what was typed. */
function check<S extends z.ZodType>(schema: S, input: Record<string, unknown>, values: Record<string, unknown>, renamed: Record<string, string>) {
  // A field left empty is a field not given: "fill this in" rather than "not valid".
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== '' && !Number.isNaN(value)));
  const result = schema.safeParse(given);
  return result.success ? { data: result.data as z.output<S> } : { failure: fail(400, { values, errors: underFormNames(errorsOf(result.error), renamed) }) };
}

/**
 * The key of one rendering of a form that creates something, from its hidden field: sent twice (a double click, a
 * resubmission), the form creates once, and both sendings get the same answer. A page's load makes a new one each time.
 */
export const formKeyOf = (form: FormData) => String(form.get('idempotencyKey') ?? '') || undefined;

/** Sends people who are not signed in to sign in, and back to where they were. */
export function requireSession(locals: App.Locals, url: URL): NonNullable<App.Locals['session']> {
  if (!locals.session) redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  return locals.session;
}


/** What a form action knows of the sending it answers. */
interface Sending<Values> {
  form: FormData;
  /** What was typed, shown again if anything fails. */
  values: Values;
  params: Record<string, string>;
}

/**
 * The action of a form that sends one change to the API: signed in or sent to sign in; what was typed, checked with
 * the route's own body schema (errors next to the fields, in the page's language); the change sent, with the form's
 * idempotency key; the API's refusal shown next to the fields it names; then on to the page `done` names (given
 * unlocalised).
 */
export function formAction<Key extends ChangeKey, Values extends Record<string, unknown> = Record<string, string>>(
  key: Key,
  spec: {
    /** The fields of the form, read as text (trimmed when `trim` is set). */
    fields?: readonly string[];
    trim?: boolean;
    /** What was typed, when not just the fields. */
    values?: (form: FormData) => Values;
    /** The body to check and send, from what was typed (a route that takes a body). */
    body?: (sending: Sending<Values>) => Record<string, unknown>;
    /** The route's path parameters, when not the page's own. */
    params?: (sending: Sending<Values>) => ChangeRequest<Key>['params'];
    /**
     * The form's own names of the body's fields it calls otherwise (the body's `text` is an update form's `update`, on a
     * page whose message form has a `text` too): their problems are shown at the form's fields.
     */
    renamed?: Record<string, string>;
    done: (sending: Sending<Values>, answer: AnswerOf<Key>) => string;
    /** What the next page says was done, if anything. */
    flash?: Flash | ((sending: Sending<Values>) => Flash | undefined);
  },
): Action {
  const route = findRoute(key)!;
  const schema = 'request' in route && 'body' in route.request ? route.request.body : undefined;
  return async ({ request, locals, params, url, cookies }: RequestEvent) => {
    requireSession(locals, url);
    const form = await request.formData();
    const read = (name: string) => String(form.get(name) ?? '');
    const values = spec.values?.(form) ?? (Object.fromEntries((spec.fields ?? []).map((name) => [name, spec.trim ? read(name).trim() : read(name)])) as Values);
    const sending: Sending<Values> = { form, values, params: params as Record<string, string> };
    let body: unknown;
    if (schema && spec.body) {
      const checked = check(schema as z.ZodType, spec.body(sending), values, spec.renamed ?? {});
      if (checked.failure) return checked.failure;
      body = checked.data;
    }
    const outcome = await locals.api.change(key, {
      params: (spec.params?.(sending) ?? params) as ChangeRequest<Key>['params'],
      body: body as ChangeRequest<Key>['body'],
      idempotencyKey: formKeyOf(form),
    });
    if (!outcome.ok) return fail(outcome.problem.status, { values, errors: underFormNames(problemErrors(outcome.problem), spec.renamed ?? {}) });
    const flash = typeof spec.flash === 'function' ? spec.flash(sending) : spec.flash;
    if (flash) cookies.set(flashCookie.name, flash, { ...flashCookie.options, secure: url.protocol === 'https:' });
    redirect(303, localizeHref(spec.done(sending, outcome.value)));
  };
}


import { redirect } from '@sveltejs/kit';
import { restorableDays } from '@collective-actions/shared';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { contributionInput, contributionValues } from '#lib/server/contribution-form.ts';
import { formAction, requireSession } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const contributionPage = ({ params }: { params: Record<string, string> }) => `/actions/${params.slug}/contributions/${params.id}`;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSession(locals, url);
  const contribution = await locals.api.read('GET /v1/actions/{slug}/contributions/{id}', { params });
  // A withdrawn one is not edited: its page says so, and offers to restore it.
  if (contribution.status === 'withdrawn') redirect(303, localizeHref(contributionPage({ params })));
  return { contribution, confirmWithdrawal: url.searchParams.has('withdraw'), restorableDays };
};

export const actions: Actions = {
  save: formAction('PATCH /v1/actions/{slug}/contributions/{id}', {
    values: (form) => ({ version: String(form.get('version') ?? ''), ...contributionValues(form) }),
    body: ({ values }) => ({ version: Number(values.version), ...contributionInput(values) }),
    done: contributionPage,
  }),
  withdraw: formAction('DELETE /v1/actions/{slug}/contributions/{id}', { done: contributionPage, flash: 'withdrawn' }),
};

// What the page after a change says was done ("flash"): the change's form action names it, a cookie carries the name
// across the redirect, and the next page shows it once, in a live region screen readers announce.
import { m } from '#lib/paraglide/messages.js';

export const flashes = {
  withdrawn: m.flash_withdrawn,
  restored: m.flash_restored,
  verified: m.flash_verified,
  unverified: m.flash_unverified,
  hidden: m.flash_hidden,
  shown: m.flash_shown,
  removed: m.flash_removed,
  'made-lead': m.flash_made_lead,
  'settings-saved': m.settings_saved,
} as const;

export type Flash = keyof typeof flashes;

export const isFlash = (name: string | undefined): name is Flash => name !== undefined && Object.hasOwn(flashes, name);

/** The cookie that carries it: for the next page only, and a minute at most. */
export const flashCookie = { name: 'flash', options: { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 } } as const;

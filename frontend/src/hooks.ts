import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';

// /fr/actions/x is the page /actions/x in French: routes are written once, without the language.
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;

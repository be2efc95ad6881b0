// The local identity provider's own pages (sign in, sign out), in English and French, accessible, with nothing loaded from elsewhere.
import { createHash } from 'node:crypto';

export type PageLanguage = 'en' | 'fr';

/** The first of the languages asked for (ui_locales, or Accept-Language) that the pages speak. */
export function pageLanguage(asked: string | undefined): PageLanguage {
  const first = (asked ?? '').split(/[\s,]+/).find((tag) => /^(en|fr)\b/i.test(tag));
  return first?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const text = {
  en: {
    signInTitle: 'Sign in to Collective Actions',
    note: 'This is the local identity provider that `npm start` runs: any password works. Demo accounts: steward, lead, government, civil-society; any other name (or an e-mail address) is a new account.',
    login: 'Login name or e-mail address',
    password: 'Password',
    signIn: 'Sign in',
    signOutTitle: 'Sign out of the identity provider?',
    signOutNote: 'You are signed out of the Collective Actions site. Sign out here too, so the next person on this computer cannot sign in as you.',
    signOut: 'Sign out',
    stay: 'Stay signed in here',
    signedOutTitle: 'You are signed out',
    errorTitle: 'The sign-in could not go on',
    errorNote: 'Go back to the site and start again.',
  },
  fr: {
    signInTitle: 'Se connecter à Actions collectives',
    note: 'Ceci est le fournisseur d’identité local lancé par `npm start` : tout mot de passe convient. Comptes de démonstration : steward, lead, government, civil-society ; tout autre nom (ou une adresse e-mail) crée un compte.',
    login: 'Identifiant ou adresse e-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOutTitle: 'Se déconnecter du fournisseur d’identité ?',
    signOutNote: 'Vous êtes déconnecté·e du site Actions collectives. Déconnectez-vous aussi ici, pour que la prochaine personne sur cet ordinateur ne puisse pas se connecter en votre nom.',
    signOut: 'Se déconnecter',
    stay: 'Rester connecté·e ici',
    signedOutTitle: 'Vous êtes déconnecté·e',
    errorTitle: 'La connexion n’a pas pu continuer',
    errorNote: 'Revenez sur le site et recommencez.',
  },
} satisfies Record<PageLanguage, Record<string, string>>;

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

const style = `body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
main{max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;font-weight:600;margin-top:1rem}
input{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;border:1px solid #595959;border-radius:.25rem}
button{font:inherit;margin-top:1.25rem;margin-right:.75rem;padding:.4rem 1rem;border:1px solid #0b4f9c;border-radius:.25rem;background:#0b4f9c;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b4f9c}:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}p.note{color:#4d4d4d}`;

/**
 * The pages' policy: their one style, forms to the provider itself and back to the site (a sign-in ends in redirects
 * there, which form-action governs too), never in a frame.
 */
export const pagePolicy = (siteUrl: string) =>
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; form-action 'self' ${new URL(siteUrl).origin}; frame-ancestors 'none'; base-uri 'none'`;

function page(language: PageLanguage, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${style}</style></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

export function signInPage(language: PageLanguage, action: string): string {
  const t = text[language];
  return page(
    language,
    t.signInTitle,
    `<p class="note">${escape(t.note)}</p>
<form method="post" action="${escape(action)}">
<label for="login">${escape(t.login)}</label><input id="login" name="login" autocomplete="username" required autofocus>
<label for="password">${escape(t.password)}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${escape(t.signIn)}</button>
</form>`,
  );
}

/** oidc-provider's own logout form (with its anti-forgery field) and the two answers to it. */
export function signOutPage(language: PageLanguage, form: string): string {
  const t = text[language];
  return page(
    language,
    t.signOutTitle,
    `<p>${escape(t.signOutNote)}</p>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${escape(t.signOut)}</button>
<button type="submit" form="op.logoutForm" class="secondary">${escape(t.stay)}</button>`,
  );
}

export const signedOutPage = (language: PageLanguage) => page(language, text[language].signedOutTitle, '');

/** What went wrong, in the provider's words (for the developer) under a sentence for the person. */
export const errorPage = (language: PageLanguage, detail: string) =>
  page(language, text[language].errorTitle, `<p>${escape(text[language].errorNote)}</p><p class="note"><code>${escape(detail)}</code></p>`);

// A contribution as a form sends it: offers ticked, links one per line (or separated by spaces, which no address holds).
export function contributionValues(form: FormData) {
  return {
    offers: form.getAll('offers').map(String),
    title: String(form.get('title') ?? ''),
    text: String(form.get('text') ?? ''),
    links: String(form.get('links') ?? ''),
    language: String(form.get('language') ?? ''),
    region: String(form.get('region') ?? ''),
    deadline: String(form.get('deadline') ?? ''),
  };
}

/** The API's shape of the same fields. */
export const contributionInput = (values: ReturnType<typeof contributionValues>) => ({
  offers: values.offers,
  title: values.title,
  text: values.text,
  links: values.links.split(/\s+/u).filter(Boolean),
  language: values.language,
  // Left empty: anywhere, and no date.
  region: values.region || null,
  deadline: values.deadline || null,
});

// A collective action as its form sends it (flat fields, one per language) and as the API takes it.
export const actionFieldNames = ['theme', 'title.en', 'title.fr', 'summary.en', 'summary.fr', 'workingGroup'] as const;

export const actionInput = (values: Record<string, string>) => ({
  theme: values.theme,
  title: { en: values['title.en'], fr: values['title.fr'] },
  summary: { en: values['summary.en'], fr: values['summary.fr'] },
  workingGroup: values.workingGroup || null,
});

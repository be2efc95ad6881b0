// Interface text in the site's two languages (content keeps its own language).
export type Language = 'en' | 'fr';

export const messages = {
  en: {
    title: 'Collective actions for open government',
    description:
      'Governments and civil-society organisations contribute to international collective actions for open government, form coalitions and run a public agenda.',
    skip: 'Skip to content',
    intro: 'The 21 collective actions of the 2016 Paris Declaration of the Open Government Partnership, with what each has received.',
    otherLanguage: 'Français',
    contributions: 'Contributions',
    'national-government': 'Governments',
    'local-government': 'Local governments',
    'civil-society': 'Civil-society organisations',
    'international-organisation': 'International organisations',
  },
  fr: {
    title: 'Actions collectives pour un gouvernement ouvert',
    description:
      'Gouvernements et organisations de la société civile contribuent à des actions collectives internationales pour un gouvernement ouvert, forment des coalitions et tiennent un agenda public.',
    skip: 'Aller au contenu',
    intro: "Les 21 actions collectives de la Déclaration de Paris 2016 du Partenariat pour un gouvernement ouvert, avec ce que chacune a reçu.",
    otherLanguage: 'English',
    contributions: 'Contributions',
    'national-government': 'Gouvernements',
    'local-government': 'Collectivités locales',
    'civil-society': 'Organisations de la société civile',
    'international-organisation': 'Organisations internationales',
  },
} satisfies Record<Language, Record<string, string>>;

// The domain vocabulary shared by the API and the site: schemas, types and errors.
export * from './vocabulary.ts';
export * from './text.ts';
export * from './common.ts';
export * from './actions.ts';
export * from './organisations.ts';
export * from './contributions.ts';
export * from './coalitions.ts';
export * from './agenda.ts';
export * from './me.ts';
export * from './notifications.ts';
export * from './stats.ts';
export * from './problems.ts';
export * from './exports.ts';
export * from './search.ts';
export * from './changes.ts';
export * from './permissions.ts';

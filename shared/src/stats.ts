// Platform-wide figures.
import * as z from 'zod';
import { cooperationCounts, countsByKind } from './actions.ts';
import { countryCode } from './common.ts';

export const stats = z.object({
  contributions: z.int(),
  /** Organisations with at least one published contribution, by kind. */
  organisations: countsByKind,
  /** How many countries have at least one contributing organisation. */
  countries: z.int(),
  /** Contributing organisations per country, most first. */
  byCountry: z.array(z.object({ country: countryCode, organisations: z.int() })),
  /** Cooperations both organisations agreed to, by status, on every action. */
  cooperations: cooperationCounts,
  /** The organisations taking part: active members of at least one coalition, by kind, and their countries. */
  participants: z.object({
    organisations: countsByKind,
    countries: z.int(),
    byCountry: z.array(z.object({ country: countryCode, organisations: z.int() })),
  }),
});

/** The figures kept with each change (what takes part is read from the coalitions). */
export type CountedStats = Omit<Stats, 'participants'>;

export type Stats = z.infer<typeof stats>;

// The signed-in caller as the API sees them.
import * as z from 'zod';
import { organisation, organisationRole } from './organisations.ts';

export const me = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  steward: z.boolean(),
  organisations: z.array(z.object({ organisation, role: organisationRole })),
});

export type Me = z.infer<typeof me>;

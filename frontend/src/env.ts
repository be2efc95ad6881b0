import { defineEnvVars } from '@sveltejs/kit/env';
import * as z from 'zod';

export const variables = defineEnvVars({
  API_URL: {
    schema: z.url().default('http://localhost:3001'),
    description: 'Base address of the Collective Actions API, without /v1.',
  },
});

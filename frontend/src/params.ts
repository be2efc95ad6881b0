import { defineParams } from '@sveltejs/kit/params';
import * as z from 'zod';

export const params = defineParams({
  // The languages that get a path prefix; English, the default, has none.
  lang: z.literal('fr'),
});

import { apiDescription } from '../http/api-description.ts';
import { json, routeHandler } from '../http/route-handler.ts';

// Built once per instance: it depends on the code only.
let document: ReturnType<typeof apiDescription> | undefined;

export const handler = routeHandler('GET /v1/openapi.json', async () =>
  json(200, (document ??= apiDescription())),
);

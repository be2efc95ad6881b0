import { describe, expect, it } from 'vitest';
import { apiDescription } from '@collective-actions/functions/http/api-description.ts';
import { apiUrl } from '../support/api.ts';

describe('GET /v1/openapi.json', () => {
  it('serves the description generated from the route table, cacheable', async () => {
    const reply = await fetch(`${apiUrl}/v1/openapi.json`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await reply.json()).toEqual(JSON.parse(JSON.stringify(apiDescription())));
  });
});

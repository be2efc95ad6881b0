import { describe, expect, it } from 'vitest';
import { writeThrottle } from '@collective-actions/functions/routes.ts';
import { call, tokenFor, unique } from '../support/api.ts';

describe('the write throttle', () => {
  it('answers 429 with Retry-After once a caller sends more changes than the burst, and lets them through again after waiting', async () => {
    const caller = unique('hasty');
    // Refused bodies cost the database nothing, but count as writes all the same.
    const send = () => call('POST', '/v1/organisations', { as: caller, body: { name: '' } });
    await tokenFor(caller); // signed in first, so the burst below is all writes, within one window
    const replies = await Promise.all(Array.from({ length: writeThrottle.burst + 20 }, send));
    const refused = replies.filter((reply) => reply.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(replies.filter((reply) => reply.status === 400)).toHaveLength(writeThrottle.burst);
    const [first] = refused;
    expect(first.headers.get('content-type')).toBe('application/problem+json');
    expect(first.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    const wait = Number(first.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(Math.ceil(writeThrottle.burst / writeThrottle.ratePerSecond));

    // Others are not held back meanwhile, and reads never are.
    expect((await call('POST', '/v1/organisations', { as: unique('patient'), body: { name: '' } })).status).toBe(400);
    expect((await call('GET', '/v1/stats', { as: caller })).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    expect((await send()).status).toBe(400);
  });
});

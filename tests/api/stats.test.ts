// The platform's figures against DynamoDB Local: the organisations taking part (active members of a coalition, each
// once however many it is in) beside those contributing, so that neither figure is read as the other.
import { describe, expect, it } from 'vitest';
import type { Stats } from '@collective-actions/shared';
import { call, joinCoalition, newCoalition, unique } from '../support/api.ts';

// A country no other test gives its organisations: its figures are this test's alone.
const country = 'NR';
const inCountry = async () => {
  const { participants, byCountry } = (await call<Stats>('GET', '/v1/stats')).body;
  return {
    taking: participants.byCountry.find((entry) => entry.country === country)?.organisations ?? 0,
    contributing: byCountry.find((entry) => entry.country === country)?.organisations ?? 0,
  };
};

describe('the platform’s figures', () => {
  it('count each organisation taking part once, from when a coalition takes it in until it leaves the last, apart from those contributing', async () => {
    expect(await inCountry()).toEqual({ taking: 0, contributing: 0 });
    const [first, second] = await Promise.all([newCoalition(), newCoalition()]);
    const admin = unique('nauru-admin');
    // Asking is not taking part.
    const organisation = await joinCoalition(first.slug, admin, undefined, { country, name: unique('Nauru open data office') });
    expect(await inCountry()).toEqual({ taking: 0, contributing: 0 });
    expect((await call('PATCH', `/v1/actions/${first.slug}/members/${organisation.id}`, { as: first.lead, body: { change: 'approve' } })).status).toBe(200);
    expect(await inCountry()).toEqual({ taking: 1, contributing: 0 });
    // In a second coalition, it is still one organisation.
    await call('POST', `/v1/actions/${second.slug}/members`, { as: admin, body: { organisationId: organisation.id } });
    await call('PATCH', `/v1/actions/${second.slug}/members/${organisation.id}`, { as: second.lead, body: { change: 'approve' } });
    const stats = (await call<Stats>('GET', '/v1/stats')).body;
    expect(stats.participants.byCountry.find((entry) => entry.country === country)).toEqual({ country, organisations: 1 });
    expect(stats.participants.countries).toBe(stats.participants.byCountry.length);
    expect(Object.values(stats.participants.organisations).reduce((sum, count) => sum + count, 0)).toBe(
      stats.participants.byCountry.reduce((sum, entry) => sum + entry.organisations, 0),
    );
    // Leaving one keeps it taking part; leaving both does not.
    expect((await call('DELETE', `/v1/actions/${first.slug}/members/${organisation.id}`, { as: admin })).status).toBe(204);
    expect(await inCountry()).toEqual({ taking: 1, contributing: 0 });
    await call('DELETE', `/v1/actions/${second.slug}/members/${organisation.id}`, { as: admin });
    expect(await inCountry()).toEqual({ taking: 0, contributing: 0 });
  });
});

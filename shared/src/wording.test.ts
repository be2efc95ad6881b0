import { describe, expect, it } from 'vitest';
import type { Notification } from './notifications.ts';
import { digestSections, excerpt } from './wording.ts';

const organisation = { id: '01JDEM00000000000000000001', name: 'Open Data Demo', kind: 'civil-society' as const, country: 'FR' };
const agendaItem = (id: string, title: string) => ({ id, title, start: '2027-03-15T10:00', timeZone: 'Europe/Paris', startsAt: '2027-03-15T09:00:00.000Z' });
const base = (id: string, at: string) => ({ id, at, read: false });

const notifications: Notification[] = [
  { ...base('N1', '2027-03-02T08:00:00.000Z'), kind: 'agenda-item-added', action: 'budget', agendaItem: agendaItem('A1', 'Kick-off') },
  { ...base('N2', '2027-03-02T09:00:00.000Z'), kind: 'join-requested', action: 'procurement', organisation },
  { ...base('N3', '2027-03-02T10:00:00.000Z'), kind: 'agenda-item-changed', action: 'budget', agendaItem: agendaItem('A1', 'Kick-off, moved'), changes: ['time'] },
  { ...base('N4', '2027-03-02T11:00:00.000Z'), kind: 'agenda-item-changed', action: 'budget', agendaItem: agendaItem('A1', 'Kick-off, moved again'), changes: ['place'] },
  { ...base('N5', '2027-03-02T12:00:00.000Z'), kind: 'added-to-organisation', organisation, role: 'member' },
  { ...base('N6', '2027-03-02T13:00:00.000Z'), kind: 'agenda-item-added', action: 'budget', agendaItem: agendaItem('A2', 'Workshop') },
  { ...base('N7', '2027-03-02T07:00:00.000Z'), kind: 'join-requested', action: 'procurement', organisation: { ...organisation, id: '01JDEM00000000000000000002' } },
];

describe('digest sections', () => {
  it('group by action, then by kind, newest change first, each thing once as it now stands', () => {
    const sections = digestSections(notifications).map(({ action, kinds }) => ({ action, kinds: kinds.map(({ kind, notifications: items }) => [kind, items.map((item) => item.id)]) }));
    expect(sections).toEqual([
      // The workshop (13:00) is the newest; the kick-off, added then changed twice the same day, appears once, as new.
      { action: 'budget', kinds: [['agenda-item-added', ['N6', 'N4']]] },
      { action: undefined, kinds: [['added-to-organisation', ['N5']]] },
      { action: 'procurement', kinds: [['join-requested', ['N2', 'N7']]] },
    ]);
  });

  it('tell an item added the same day as new, as it now stands, and every change of an item changed more than once', () => {
    const [kickOff] = digestSections(notifications.slice(0, 4))[0].kinds[0].notifications;
    expect(kickOff).toEqual({ ...base('N4', '2027-03-02T11:00:00.000Z'), kind: 'agenda-item-added', action: 'budget', agendaItem: agendaItem('A1', 'Kick-off, moved again') });
    const [moved] = digestSections(notifications.slice(2, 4))[0].kinds[0].notifications;
    expect(moved).toMatchObject({ id: 'N4', kind: 'agenda-item-changed', changes: ['time', 'place'], agendaItem: { title: 'Kick-off, moved again' } });
    const cancelled = { ...base('N8', '2027-03-02T14:00:00.000Z'), kind: 'agenda-item-cancelled' as const, action: 'budget', agendaItem: agendaItem('A1', 'Kick-off, moved again') };
    expect(digestSections([...notifications.slice(0, 4), cancelled])[0].kinds).toEqual([{ kind: 'agenda-item-cancelled', notifications: [cancelled] }]);
  });

  it('say nothing of nothing', () => {
    expect(digestSections([])).toEqual([]);
  });
});

describe('an excerpt', () => {
  it('keeps a short text whole, on one line', () => {
    expect(excerpt('We publish\n\nour contracts.')).toBe('We publish our contracts.');
  });

  it('cuts a long one after a word, without trailing punctuation, and says so', () => {
    const text = `${'word '.repeat(39)}lastword, and more after it.`;
    const cut = excerpt(text, 200);
    expect(cut).toBe(`${'word '.repeat(39).trim()}…`);
    expect(cut.length).toBeLessThanOrEqual(201);
  });

  it('cuts a text without spaces at its length', () => {
    expect(excerpt('x'.repeat(300), 200)).toBe(`${'x'.repeat(200)}…`);
  });

  it('never gives more than the length and an ellipsis, whatever the text', () => {
    for (const text of ['a'.repeat(500), 'é '.repeat(300), 'word. '.repeat(100), `${'a'.repeat(150)} ${'b'.repeat(150)}`]) {
      const cut = excerpt(text, 200);
      expect(cut.length).toBeLessThanOrEqual(201);
      expect(cut.endsWith('…')).toBe(true);
      expect(text.replace(/\s+/g, ' ').startsWith(cut.slice(0, -1))).toBe(true);
    }
  });
});

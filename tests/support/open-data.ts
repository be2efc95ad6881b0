// The open data as a reuser reads it: waiting for the snapshot (rebuilt every second in tests), the exports read strictly, the Atom feed.
import { parse as parseCsv } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { expect } from 'vitest';
import { exportResources, forbiddenCharacter, listSeparator, type ExportResource } from '@collective-actions/shared';
import { apiUrl, call } from './api.ts';

/** Waits for a snapshot begun after `since`, so it holds every change made before. */
export async function snapshotAfter(since: string) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if ((await call('GET', '/v1/exports/datapackage.json')).body.created >= since) return;
  }
  throw new Error(`No open-data snapshot begun after ${since} within 20 s`);
}

/** Every string in a parsed JSON document. */
export const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

const formula = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * Reads every CSV export with a strict parser (each record has the header's columns, quotes balance, nothing is left
 * over) and checks it against the JSON copy, field by field: lists joined, nothing for null, formulas after an apostrophe.
 */
export async function expectCsvExportsToMatchJson(): Promise<Record<ExportResource, Record<string, string>[]>> {
  const all = {} as Record<ExportResource, Record<string, string>[]>;
  for (const [resource, { row }] of Object.entries(exportResources) as Array<[ExportResource, (typeof exportResources)[ExportResource]]>) {
    const [csvText, json] = await Promise.all([
      fetch(`${apiUrl}/v1/exports/${resource}.csv`).then((reply) => reply.text()),
      call<Record<string, unknown>[]>('GET', `/v1/exports/${resource}.json`).then((reply) => reply.body),
    ]);
    const csv: Record<string, string>[] = parseCsv(csvText, { columns: true, record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false });
    expect(csv.length, resource).toBe(json.length);
    if (csv.length) expect(Object.keys(csv[0]), resource).toEqual(Object.keys(row.shape));
    csv.forEach((cells, index) => {
      for (const [column, value] of Object.entries(json[index])) {
        const text = value === null ? '' : Array.isArray(value) ? value.join(listSeparator) : String(value);
        expect(cells[column], `${resource} row ${index} ${column}`).toBe(typeof value === 'string' && formula.test(text) ? `'${text}` : text);
      }
    });
    for (const text of stringsIn(json)) expect(forbiddenCharacter(text), `${resource}.json: ${JSON.stringify(text)}`).toBeUndefined();
    all[resource] = csv;
  }
  return all;
}

/** The titles of an Atom feed's entries, read by a strict XML 1.0 parser (which throws on anything ill-formed). */
export function atomTitles(atom: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const titles: string[] = [];
  let inTitle = false;
  parser.on('opentag', (tag) => (inTitle = tag.local === 'title'));
  parser.on('text', (text) => inTitle && titles.push(text));
  parser.on('closetag', () => (inTitle = false));
  parser.write(atom).close();
  return titles;
}

// The open-data snapshot: every public record (public-records.ts), written as CSV and JSON exports, a Frictionless
// data package descriptor and the search index. Exports and search read it, never the table.
import * as z from 'zod';
import { stringify } from 'csv-stringify/sync';
import { exportFormats, exportResources, listSeparator, type ExportResource, type OrganisationSummary } from '@collective-actions/shared';
import { writeSnapshot, type SnapshotFile } from '../data/snapshot-store.ts';
import { readPublicRecords, type PublicRecords } from './public-records.ts';
import { buildSearchIndex, searchIndexFile } from './search.ts';
import { agendaItemPage, contributionPage, cooperationPage, sitePage } from './site-pages.ts';

function rowsOf(records: PublicRecords): Record<ExportResource, Array<Record<string, unknown>>> {
  return {
    contributions: records.contributions.map((contribution) => ({
      id: contribution.id,
      action: contribution.action,
      organisationId: contribution.organisation.id,
      organisationName: contribution.organisation.name,
      organisationKind: contribution.organisation.kind,
      country: contribution.organisation.country,
      kind: contribution.kind,
      offers: contribution.offers,
      title: contribution.title,
      text: contribution.text,
      links: contribution.links,
      language: contribution.language,
      region: contribution.region,
      deadline: contribution.deadline,
      progress: contribution.progress,
      createdAt: contribution.createdAt,
      updatedAt: contribution.updatedAt,
      url: contributionPage(contribution.action, contribution.id),
    })),
    organisations: records.organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      country: organisation.country,
      website: organisation.website,
      verified: organisation.verified,
      verifiedAt: organisation.verifiedAt,
      contributionCount: organisation.contributionCount,
      createdAt: organisation.createdAt,
      url: sitePage(`/organisations/${organisation.id}`),
    })),
    memberships: records.memberships.map((member) => ({
      action: member.action,
      organisationId: member.organisation.id,
      organisationName: member.organisation.name,
      organisationKind: member.organisation.kind,
      country: member.organisation.country,
      role: member.role,
      joinedAt: member.joinedAt,
    })),
    agenda: records.agenda.map((item) => ({
      id: item.id,
      action: item.action,
      kind: item.kind,
      status: item.status,
      title: item.title,
      description: item.description,
      start: item.start,
      end: item.end,
      timeZone: item.timeZone,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      place: item.place,
      onlineUrl: item.onlineUrl,
      language: item.language,
      updatedAt: item.updatedAt,
      url: agendaItemPage(item.action, item.id),
    })),
    cooperations: records.cooperations.map((cooperation) => ({
      id: cooperation.id,
      action: cooperation.action,
      contributionId: cooperation.contribution.id,
      contributionTitle: cooperation.contribution.title,
      contributionKind: cooperation.contribution.kind,
      ...sideRow('proposer', cooperation.proposer),
      ...sideRow('partner', cooperation.partner),
      status: cooperation.status,
      reason: cooperation.reason,
      agreedAt: cooperation.agreedAt,
      updatedAt: cooperation.updatedAt,
      url: cooperationPage(cooperation.action, cooperation.id),
    })),
    'progress-updates': records.progressUpdates.map((update) => ({
      id: update.id,
      action: update.action,
      cooperationId: update.subject.kind === 'cooperation' ? update.subject.id : null,
      contributionId: update.subject.kind === 'contribution' ? update.subject.id : null,
      organisationId: update.organisation.id,
      organisationName: update.organisation.name,
      text: update.text,
      link: update.link,
      at: update.at,
      url: (update.subject.kind === 'cooperation' ? cooperationPage : contributionPage)(update.action, update.subject.id),
    })),
  };
}

/** A cooperation's side as its row's columns. */
const sideRow = (side: 'proposer' | 'partner', organisation: OrganisationSummary) => ({
  [`${side}Id`]: organisation.id,
  [`${side}Name`]: organisation.name,
  [`${side}Kind`]: organisation.kind,
  [`${side}Country`]: organisation.country,
});

/**
 * The one CSV configuration: RFC 4180 (CRLF line ends; a field is quoted when it holds a comma, a quote or a line break,
 * whatever the line ends, which csv-stringify only does when told), lists joined, empty cells for nothing, and cells that
 * a spreadsheet would run as a formula written with a quote before them (OWASP's rule, `formulaWarning` says it).
 */
function csvOf(resource: ExportResource, rows: Array<Record<string, unknown>>): string {
  const columns = Object.keys(exportResources[resource].row.shape);
  return stringify(rows, {
    header: true,
    columns,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { boolean: (value) => String(value), object: (value) => (Array.isArray(value) ? value.join(listSeparator) : JSON.stringify(value)) },
  });
}

type JsonSchema = { type?: string | string[]; format?: string; enum?: unknown[]; description?: string; items?: JsonSchema; anyOf?: JsonSchema[] };

/**
 * A Table Schema field (Data Package v2) from the column's zod schema and the JSON Schema zod gives for it. A column is
 * required only if no record may leave it empty: not when it may be null, nor when it is a list that may be empty
 * (which a CSV cell writes as nothing).
 */
function fieldOf(name: string, column: z.ZodType, schema: JsonSchema, format: (typeof exportFormats)[number]) {
  const value = schema.anyOf?.find((option) => option.type !== 'null') ?? schema;
  const types = [value.type].flat();
  const type = types.includes('array')
    ? format === 'csv'
      ? { type: 'list', delimiter: listSeparator }
      : { type: 'array' }
    : types.includes('integer') || types.includes('boolean')
      ? { type: types.find((one) => one === 'integer' || one === 'boolean') }
      : value.format === 'date-time'
        ? { type: 'datetime' }
        : value.format === 'uri'
          ? { type: 'string', format: 'uri' }
          : { type: 'string' };
  const mayBeEmpty = column.safeParse(null).success || (types.includes('array') && column.safeParse([]).success);
  const constraints = { ...(mayBeEmpty ? {} : { required: true }), ...(value.enum ? { enum: value.enum } : {}) };
  return { name, ...type, description: schema.description, ...(Object.keys(constraints).length ? { constraints } : {}) };
}

export const dataPackageFile = 'datapackage.json';

/** How the CSV files write a cell that a spreadsheet would otherwise run as a formula. */
const formulaWarning =
  'A cell whose text begins with =, +, -, @, a tab or a carriage return (or the full-width =, +, - or @) is written with an apostrophe (\') before it, so that spreadsheets show it rather than run it as a formula; the JSON copy has the text as it is.';

function dataPackage(created: string) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'collective-actions',
    title: 'Collective Actions: contributions, coalitions and agendas',
    description: 'The public records of the Collective Actions platform, rebuilt from the database every few minutes.',
    homepage: sitePage('/data'),
    created,
    licenses: [{ name: 'etalab-2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', title: 'Licence Ouverte / Open Licence 2.0' }],
    resources: Object.entries(exportResources).flatMap(([resource, { title, description, row }]) => {
      const schema = z.toJSONSchema(row) as { properties: Record<string, JsonSchema> };
      return exportFormats.map((format) => ({
        name: format === 'csv' ? resource : `${resource}-json`,
        title: `${title} (${format.toUpperCase()})`,
        description: format === 'csv' ? `${description} ${formulaWarning}` : description,
        path: `${resource}.${format}`,
        type: 'table',
        format,
        mediatype: format === 'csv' ? 'text/csv' : 'application/json',
        encoding: 'utf-8',
        schema: {
          fields: Object.entries(schema.properties).map(([name, field]) => fieldOf(name, (row.shape as Record<string, z.ZodType>)[name], field, format)),
          ...(resource === 'memberships' ? { primaryKey: ['action', 'organisationId'] } : { primaryKey: ['id'] }),
        },
      }));
    }),
  };
}

export async function buildSnapshot(created = new Date().toISOString()): Promise<{ created: string; counts: Record<ExportResource, number> }> {
  const records = await readPublicRecords();
  const rows = rowsOf(records);
  const files: SnapshotFile[] = Object.entries(rows).flatMap(([resource, list]) => [
    { name: `${resource}.csv`, body: csvOf(resource as ExportResource, list), contentType: 'text/csv; charset=utf-8' },
    { name: `${resource}.json`, body: JSON.stringify(list), contentType: 'application/json; charset=utf-8' },
  ]);
  files.push({ name: searchIndexFile, body: buildSearchIndex(records), contentType: 'application/json' });
  // Last: a reader who sees this `created` finds every file at least as new.
  files.push({ name: dataPackageFile, body: JSON.stringify(dataPackage(created), null, 2), contentType: 'application/json; charset=utf-8' });
  await writeSnapshot(files);
  return { created, counts: Object.fromEntries(Object.entries(rows).map(([resource, list]) => [resource, list.length])) as Record<ExportResource, number> };
}

/**
 * Owning your data, as files: export everything as one versioned JSON file (and CSV for
 * spreadsheets), and validate a whole import file before anything is written. Writing it into
 * the log, retention and wiping are the store's commands (lib/store).
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Translate } from './i18n';
import {
  AppreciationSchema,
  CheckInSchema,
  InteractionSchema,
  PersonSchema,
  channelsOf,
  describeIssues,
} from './model';
import type { StoreReader } from './store/reader';

export const EXPORT_FORMAT = 'inside-out';
export const EXPORT_VERSION = 1;
/** Files larger than this are refused before parsing (a log of a million entries is ~400 MB). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export const ExportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { message: 'not an Inside Out export' }),
  version: z.number().int().positive(),
  exportedAt: z.number().int().nonnegative(),
  people: z.array(PersonSchema),
  interactions: z.array(InteractionSchema),
  appreciations: z.array(AppreciationSchema),
  checkIns: z.array(CheckInSchema),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export async function exportAll(store: StoreReader, now: number = Date.now()): Promise<ExportFile> {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    ...(await store.readAll()),
  };
}

export function exportJson(file: ExportFile): string {
  return JSON.stringify(file);
}

/** Interactions and thank-yous as CSV rows, with the person's name beside each id. */
export function exportCsv(file: ExportFile): { interactions: string; appreciations: string } {
  const names = new Map(file.people.map((p) => [p.id, p.name]));
  return {
    interactions: Papa.unparse(
      file.interactions.map((i) => ({
        id: i.id,
        when: new Date(i.at).toISOString(),
        day: i.day,
        person: names.get(i.personId) ?? '',
        personId: i.personId,
        relationship: i.relationship,
        tool: i.tool ?? '',
        kind: i.kind,
        title: i.title ?? '',
        url: i.url ?? '',
        source: i.source,
        note: i.note ?? '',
      })),
      { escapeFormulae: true },
    ),
    appreciations: Papa.unparse(
      file.appreciations.map((a) => ({
        id: a.id,
        when: new Date(a.at).toISOString(),
        person: names.get(a.personId) ?? '',
        personId: a.personId,
        channel: channelsOf(a).join(' '),
        message: a.message,
        whatTheyDid: a.whatTheyDid ?? '',
        whatItMadePossible: a.whatItMadePossible ?? '',
      })),
      { escapeFormulae: true },
    ),
  };
}

export type ParsedImport = { ok: true; file: ExportFile } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

/**
 * Validates a whole file before anything is written: JSON, format and version, every record,
 * duplicate ids, and references to people that the file does not contain.
 */
export function parseImport(text: string, t: Translate): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problems: [t('importTooLarge')] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [clip(t('importNotJson', (error as Error).message))] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [t('importNotAnObject')] };
  }
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== EXPORT_FORMAT) {
    return { ok: false, problems: [t('importWrongFormat')] };
  }
  if (typeof header.version === 'number' && header.version > EXPORT_VERSION) {
    return { ok: false, problems: [t('importNewerVersion', header.version)] };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    // Where in the file, and zod's own words for what is wrong there.
    const problems = describeIssues(parsed.error);
    return { ok: false, problems: cap(problems, t) };
  }
  const file = parsed.data;
  const problems: string[] = [];
  for (const [name, records] of [
    ['people', file.people],
    ['interactions', file.interactions],
    ['appreciations', file.appreciations],
    ['checkIns', file.checkIns],
  ] as const) {
    const seen = new Set<string>();
    records.forEach((r, index) => {
      if (seen.has(r.id)) problems.push(t('importDuplicateId', `${name}.${index}`, r.id));
      seen.add(r.id);
    });
  }
  const keys = new Set<string>();
  file.interactions.forEach((i, index) => {
    if (keys.has(i.dedupeKey)) problems.push(t('importDuplicateThread', `interactions.${index}`));
    keys.add(i.dedupeKey);
  });
  const personIds = new Set(file.people.map((p) => p.id));
  const checkRefs = (name: string, records: ReadonlyArray<{ personId: string }>) =>
    records.forEach((r, index) => {
      if (!personIds.has(r.personId)) problems.push(t('importUnknownPerson', `${name}.${index}`));
    });
  checkRefs('interactions', file.interactions);
  checkRefs('appreciations', file.appreciations);
  checkRefs('checkIns', file.checkIns);
  return problems.length ? { ok: false, problems: cap(problems, t) } : { ok: true, file };
}

/** At most MAX_PROBLEMS lines, each short: a hostile key name must not flood the list. */
function cap(problems: string[], t: Translate): string[] {
  const lines = problems.slice(0, MAX_PROBLEMS).map(clip);
  return problems.length > MAX_PROBLEMS
    ? [...lines, t('importMoreProblems', problems.length - MAX_PROBLEMS)]
    : lines;
}

const MAX_PROBLEM_LENGTH = 300;

function clip(problem: string): string {
  return problem.length > MAX_PROBLEM_LENGTH
    ? `${problem.slice(0, MAX_PROBLEM_LENGTH - 1)}…`
    : problem;
}

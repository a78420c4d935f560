import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import type { Database } from '../db/types.ts';
import { parseMobile } from '../phone/parse.ts';
import { LOCALE } from '../templates/locale.ts';
import type { ShopUser } from './accounts.ts';
import { EXTERNAL_ID } from './admin-schemas.ts';
import { resolveShopUsers } from './resolve.ts';

/** Rows resolved per transaction: one read of the users they touch, one insert of the new ones. */
export const IMPORT_BATCH_ROWS = 1000;

export interface Refusal {
  /** The row's line in the file, from 1 (a header is line 1). */
  readonly row: number;
  readonly reason: string;
}

export interface ImportReport {
  /** Rows read, without a header. */
  rows: number;
  created: number;
  /** Users the number already had, given the row's external_id. */
  linked: number;
  /** Users the number and external_id already named: nothing to do. */
  matched: number;
  refused: Refusal[];
}

export interface ImportOptions {
  readonly allowedCountries: readonly string[];
  readonly actor: Actor;
  readonly now: () => number;
  /** Named in the audit records. */
  readonly fileName: string;
  readonly batchRows?: number;
}

/**
 * Brings in a shop's users from CSV (`phone_number,external_id[,locale]`, a header row optional). Each row
 * is resolved as POST /admin/users resolves one (users/resolve.ts): running the import again changes
 * nothing. A row is refused, with its line and why, when its number or external_id is not valid, when an
 * earlier row of the file has the same number or external_id, or when it conflicts with a user. Batches
 * commit one at a time with their audit record; a file that cannot be read as CSV stops the import there
 * (the batches before it stay, and a second run takes up the rest), and is thrown.
 */
export async function importUsers(
  db: Kysely<Database>,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, created: 0, linked: 0, matched: 0, refused: [] };
  const size = options.batchRows ?? IMPORT_BATCH_ROWS;
  const numberRows = new Map<string, number>();
  const externalIdRows = new Map<string, number>();
  let batch: { row: number; user: ShopUser }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const at = options.now();
    await db.transaction().execute(async (trx) => {
      const resolved = await resolveShopUsers(
        trx,
        rows.map((r) => r.user),
        at,
      );
      const counts = { created: 0, linked: 0 };
      resolved.forEach((resolution, i) => {
        const row = rows[i]!.row;
        switch (resolution.outcome) {
          case 'created':
          case 'linked':
            counts[resolution.outcome] += 1;
            break;
          case 'matched':
            report.matched += 1;
            break;
          case 'phone_conflict':
            report.refused.push({ row, reason: 'conflict: the number belongs to a user with another external_id' });
            break;
          case 'external_id_conflict':
            report.refused.push({ row, reason: 'conflict: the external_id belongs to a user with another number' });
            break;
        }
      });
      if (counts.created + counts.linked > 0) {
        const summary = { file: options.fileName, rows: `${rows[0]!.row}-${rows.at(-1)!.row}`, ...counts };
        await recordAudit(trx, { actor: options.actor, action: 'user.import', target: null, summary }, at);
      }
      report.created += counts.created;
      report.linked += counts.linked;
    });
  };

  const records = input.pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  let first = true;
  for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const row = info.lines;
    if (first && record[0]?.toLowerCase() === 'phone_number') {
      first = false;
      continue;
    }
    first = false;
    report.rows += 1;
    const checked = checkRow(record, options.allowedCountries);
    if (typeof checked === 'string') {
      report.refused.push({ row, reason: checked });
      continue;
    }
    const sameNumber = numberRows.get(checked.phoneNumber);
    const sameId = externalIdRows.get(checked.externalId);
    if (sameNumber !== undefined || sameId !== undefined) {
      const what =
        sameNumber !== undefined
          ? `the number is also on row ${sameNumber}`
          : `the external_id is also on row ${sameId}`;
      report.refused.push({ row, reason: `duplicate in file: ${what}` });
      continue;
    }
    numberRows.set(checked.phoneNumber, row);
    externalIdRows.set(checked.externalId, row);
    batch.push({ row, user: checked });
    if (batch.length >= size) await flush();
  }
  await flush();
  report.refused.sort((a, b) => a.row - b.row);
  return report;
}

/** The row as a shop user, or why it is refused. */
function checkRow(record: readonly string[], allowedCountries: readonly string[]): ShopUser | string {
  if (record.length < 2 || record.length > 3) {
    return `expected phone_number,external_id[,locale], found ${record.length} column${record.length === 1 ? '' : 's'}`;
  }
  const [phone = '', externalId = '', locale = ''] = record;
  const parsed = parseMobile(phone, allowedCountries);
  if (!parsed) return `bad phone number: not a mobile number of ${allowedCountries.join(', ')}`;
  if (!EXTERNAL_ID.test(externalId)) {
    return 'bad external_id: 1 to 128 visible ASCII characters, no quote or backslash';
  }
  if (locale !== '' && !LOCALE.test(locale)) return 'bad locale: a two- or three-letter language code (fa, en)';
  return { phoneNumber: parsed.e164, externalId, locale: locale === '' ? null : locale };
}

/** The audit name of a file: its name without the folders, which may say more than needed. */
export const fileNameOf = (path: string) => basename(path);

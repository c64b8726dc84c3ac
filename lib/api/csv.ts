// CSV exports: UTF-8 with a byte-order mark (so spreadsheet programs read Chinese correctly), and
// no formula injection: a text cell that a spreadsheet would evaluate (= + - @, tab, CR) is
// prefixed with an apostrophe, as OWASP recommends. Numbers stay numbers.
import { stringify } from "csv-stringify/sync";
import { PUBLIC_CACHE_CONTROL, securityHeaders } from "./headers";

type Cell = string | number | boolean | null | undefined;

export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
}

const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** A text cell made inert for spreadsheets: "=1+1" -> "'=1+1". */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(value: Cell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutralizeCell(value);
}

/** The rows as CSV text (header row first, CRLF line ends, BOM in front). */
export function toCsv<T>(rows: T[], columns: Column<T>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => cell(c.value(r)))),
    {
      bom: true,
      header: true,
      columns: columns.map((c) => c.header),
      record_delimiter: "windows",
      quoted_string: true,
    },
  );
}

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      ...securityHeaders(),
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}

/** Reads a paged list to the end, or to `max` items. */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  max: number,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    out.push(...page.items);
    if (!page.nextCursor || out.length >= max) return out.slice(0, max);
    cursor = page.nextCursor;
  }
}

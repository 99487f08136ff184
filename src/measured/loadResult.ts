import type { z } from "zod";

/** A record that could not be read: which row, which field, why. The other rows still load. */
export interface RowError {
  /** 0-based record index (CSV: data row, header excluded). */
  readonly row: number;
  /** The field, as the source names it; "" for the whole record. */
  readonly field: string;
  /** Lowercase fragment naming the value and what was expected. */
  readonly message: string;
}

/** What a loader read: the good records and one error per bad one. */
export interface LoadResult<T> {
  /** The rows that read. */
  readonly records: readonly T[];
  /** One entry per bad field. */
  readonly errors: readonly RowError[];
}

/** Why a whole document could not be read (not JSON, no header, not parquet). */
export interface LoadError {
  /** Discriminant. */
  readonly _tag: "LoadError";
  /** What is wrong. */
  readonly message: string;
}

/** Builds a LoadError. */
export const loadError = (message: string): LoadError => ({ _tag: "LoadError", message });

/**
 * "row 3, avg_power_watts: expected a number > 0, got -1".
 * @example formatRowError({ row: 3, field: "avg_power_watts", message: "expected a number > 0" })
 */
export const formatRowError = (error: RowError): string =>
  `row ${error.row}${error.field === "" ? "" : `, ${error.field}`}: ${error.message}`;

/** The records of a list (an array, or one object taken as a list of one), or undefined for anything else. */
export const asRecords = (document: unknown): readonly unknown[] | undefined =>
  Array.isArray(document) ? document : typeof document === "object" && document !== null ? [document] : undefined;

/**
 * Reads every row with a zod schema: the good ones become records, each bad one an error per
 * field naming its row. `prepare` reshapes a row before the schema sees it.
 */
export const readRows = <S extends z.ZodType>(
  rows: readonly unknown[],
  schema: S,
  prepare: (row: unknown) => unknown = (row) => row,
): LoadResult<z.output<S>> => {
  const records: z.output<S>[] = [];
  const errors: RowError[] = [];
  rows.forEach((raw, index) => {
    const parsed = schema.safeParse(prepare(raw));
    if (parsed.success) records.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        errors.push({ row: index, field: issue.path.join("."), message: issue.message.replace(/^Invalid input: /, "").toLowerCase() });
      }
    }
  });
  return { records, errors };
};

/** Where a catalog value comes from: a citable source and the date of the figure. */
export interface Provenance {
  /** The document, data set or file the values were taken from. */
  readonly source: string;
  /** Publication or data date (ISO 8601, YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
}

/** A Vega-Lite specification (JSON). Kept loose: the library only builds, never reads, them. */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** Common top-level settings: schema, size, fonts, white background. */
export const base = (title: string, width = 560, height = 300): Record<string, unknown> => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title,
  width,
  height,
  background: "white",
  config: { font: "Helvetica, Arial, sans-serif", axis: { labelFontSize: 11, titleFontSize: 12 } },
});

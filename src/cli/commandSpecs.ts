// The table of `tpf` commands: synopsis, options and help text. The parser (parseCommandLine)
// and the help (help.ts) read it; run.ts maps each name to the function that runs it. A new
// command or option is one entry here plus its runner.

/** One option of a command. */
export interface OptionSpec {
  /** Long name without dashes ("target-tokens"). */
  readonly name: string;
  /** A flag, or an option with a value. */
  readonly type: "boolean" | "string";
  /** One-letter alias ("o" for -o). */
  readonly short?: string;
  /** Placeholder of the value in help ("N", "file.svg"). */
  readonly value?: string;
  /** One line of help. */
  readonly description: string;
}

/** One command. */
export interface CommandSpec {
  /** The command word. */
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** Usage lines without the leading "tpf " (the first is the short hint on errors). */
  readonly usage: readonly string[];
  /** Positional arguments: at most this many (0 for none). */
  readonly maxPositionals: number;
  /** The options. */
  readonly options: readonly OptionSpec[];
  /** Extra help paragraphs. */
  readonly notes?: readonly string[];
}

const json: OptionSpec = { name: "json", type: "boolean", description: "print JSON instead of a table" };
const useDefault: OptionSpec = { name: "default", type: "boolean", description: "use the built-in default scenario instead of a file" };
const mode: OptionSpec = { name: "mode", type: "string", value: "bound|estimate", description: "which result to use (default estimate)" };

/** Every command, in the order of the overview. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: "evaluate",
    summary: "a scenario (or a JSON array of scenarios): every stave, the binding one, energy",
    usage: ["evaluate <scenario.json | -> [--json | --ndjson]", "evaluate --default [--json]"],
    maxPositionals: 1,
    options: [
      { ...json, description: "print the JSON contract (an array of scenarios gives an array, streamed element by element)" },
      { name: "ndjson", type: "boolean", description: "one JSON result per line (newline-delimited JSON), streamed" },
      useDefault,
    ],
  },
  {
    name: "levers",
    summary: "the baseline and each lever in the scenario's \"levers\" field, at its targets",
    usage: ["levers <scenario.json | -> [--json] [--objective tokens/s|J/token|J/request|$/Mtoken]"],
    maxPositionals: 1,
    options: [json, { name: "objective", type: "string", value: "tokens/s|J/token|J/request|$/Mtoken", description: "what to order the levers by" }, useDefault],
  },
  {
    name: "plan",
    summary: "accelerators, nodes and MW at the meter for a target rate; the cheapest option",
    usage: [
      "plan <scenario.json | -> (--target-tokens N | --target-requests N) [--accelerators A,B,…] [--json]",
      "plan <scenario.json | -> --search (--target-tokens N | --target-requests N) [--counts 1,2,4,8] [--precisions bf16,fp8,fp4] [--concurrency 16,32,…] [--parallelism search|keep] [--accelerators A,B,…] [--json]",
    ],
    maxPositionals: 1,
    options: [
      { name: "target-tokens", type: "string", value: "N", description: "target output tokens/s: a number or a unit string (\"2 Mtokens/s\")" },
      { name: "target-requests", type: "string", value: "N", description: "target requests/s" },
      { name: "accelerators", type: "string", value: "A,B,…", description: "catalog accelerators to size (default: the scenario's own)" },
      { name: "search", type: "boolean", description: "search count per replica, layout, precision and concurrency; print the cost/energy Pareto set" },
      { name: "counts", type: "string", value: "1,2,4,8", description: "with --search: accelerators per replica to try" },
      { name: "precisions", type: "string", value: "bf16,fp8,fp4", description: "with --search: weight and tensor-core formats to try" },
      { name: "concurrency", type: "string", value: "16,32,64,128,256", description: "with --search: requests in flight per replica to try" },
      { name: "parallelism", type: "string", value: "search|keep", description: "with --search: try every tensor/pipeline/expert layout (search, default) or tensor = count (keep)" },
      json,
      useDefault,
    ],
    notes: [
      "An array of scenarios plans each of them. Each option is priced at the scenario's facility.acceleratorHourPrice, else the catalog's price for its accelerator (tpf list accelerators), else the facility preset's.",
      "With --search, candidates must meet the scenario's latency targets and quality floor and fit its site (facility.deliveredPower at the meter, facility.coolingCapacity); the rows are those no other candidate beats on both USD per million output tokens and J per output token at the meter.",
    ],
  },
  {
    name: "crossover",
    summary: "the value of an input at which the binding stave changes",
    usage: ["crossover <scenario.json | -> --parameter NAME --low X --high Y [--mode bound|estimate] [--json]"],
    maxPositionals: 1,
    options: [
      { name: "parameter", type: "string", value: "NAME", description: "the input to vary (tpf list parameters)" },
      { name: "low", type: "string", value: "X", description: "low end of the range: a number in SI units or a unit string (\"1 kW\")" },
      { name: "high", type: "string", value: "Y", description: "high end of the range" },
      mode,
      json,
      useDefault,
    ],
  },
  {
    name: "sweep",
    summary: "a grid of inputs, evaluated columnar; shards concatenate",
    usage: ["sweep <scenario.json | -> --grid grid.json|grid.csv [--product] [--shard k/n] [--workers N] [--format csv|json] [--mode bound|estimate] [--echo]"],
    maxPositionals: 1,
    options: [
      { name: "grid", type: "string", value: "file", description: "input columns: JSON { \"name\": [values] } or CSV with parameter names as header (tpf list parameters); values are numbers in SI units or unit strings (\"1 MW\")" },
      { name: "product", type: "boolean", description: "the Cartesian product of the columns (every combination) instead of zipped rows" },
      { name: "shard", type: "string", value: "k/n", description: "evaluate the k-th of n contiguous slices (only shard 1 writes the CSV header)" },
      { name: "workers", type: "string", value: "N", description: "spread the rows over N threads" },
      { name: "format", type: "string", value: "csv|json", description: "CSV (default) or JSON lines" },
      { name: "echo", type: "boolean", description: "CSV: repeat the input columns after the row number (always on with --product; JSON lines always carry them)" },
      mode,
      useDefault,
    ],
  },
  {
    name: "report",
    summary: "the disclosure card of a scenario, for papers (Markdown, LaTeX, JSON)",
    usage: ["report <scenario.json | -> [--format markdown|latex|json]"],
    maxPositionals: 1,
    options: [{ name: "format", type: "string", value: "markdown|latex|json", description: "output format (default markdown)" }, useDefault],
  },
  {
    name: "plot",
    summary: "a chart as SVG (needs vega and vega-lite), or its Vega-Lite spec with --spec",
    usage: ["plot staves|rate|roofline|waterfall <scenario.json | -> [-o file.svg] [--spec] [--axis deliveredPower|pue|count] [--mode bound|estimate] [--metric tokens/s|J/token]"],
    maxPositionals: 2,
    options: [
      { name: "output", short: "o", type: "string", value: "file.svg", description: "write the SVG to a file (default: standard output)" },
      { name: "spec", type: "boolean", description: "print the Vega-Lite spec (JSON) instead of rendering" },
      { name: "axis", type: "string", value: "deliveredPower|pue|count", description: "rate chart: the input on the x axis" },
      { name: "metric", type: "string", value: "tokens/s|J/token", description: "waterfall chart: the metric" },
      mode,
      useDefault,
    ],
  },
  {
    name: "validate",
    summary: "measured runs against the bound and the estimate (exit 1 if a run beats the bound)",
    usage: ["validate <runs.csv|.json|.parquet> [--json | --csv] [--format mlenergy|inferencex|llm-energy-measure|telemetry] [--preset chat]"],
    maxPositionals: 1,
    options: [
      json,
      { name: "csv", type: "boolean", description: "print CSV" },
      { name: "format", type: "string", value: "mlenergy|inferencex|llm-energy-measure|telemetry", description: "the file's format (default: detected)" },
      { name: "preset", type: "string", value: "ID", description: "workload preset for runs without token counts (default chat)" },
    ],
    notes: ["Parquet needs the hyparquet package."],
  },
  {
    name: "list",
    summary: "the catalogs: accelerators, models, workloads, facilities, engines, levers, parameters, scenario fields",
    usage: ["list accelerators|models|workloads|facilities|engines|levers|parameters|fields [--json]"],
    maxPositionals: 1,
    options: [{ ...json, description: "print the catalog entries as JSON" }],
  },
];

/** The spec of a command, by name. */
export const commandSpec = (name: string): CommandSpec | undefined => COMMAND_SPECS.find((c) => c.name === name);

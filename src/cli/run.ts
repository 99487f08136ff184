import * as E from "fp-ts/lib/Either.js";
import { DEFAULT_SCENARIO_DOCUMENT } from "../catalog/defaultScenario.js";
import { formatScenarioError } from "../schema/scenarioError.js";
import { parseScenario } from "../schema/parseScenario.js";
import { evaluate } from "../tpf/evaluate.js";
import { formatEvaluationTable } from "./formatTable.js";
import { runLevers } from "./levers.js";
import { runCrossover, runPlan, runSweep } from "./planning.js";
import { runValidate } from "./validate.js";
import { runPlot, runReport } from "./report.js";

/** What the CLI needs from the outside world, so it can be tested without a process. */
export interface CliIo {
  /** Reads a file path, or standard input for "-". Throws on failure (caught here). */
  readonly readText: (path: string) => string;
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Reads a file as bytes (parquet); without it, readText is used. */
  readonly readBytes?: (path: string) => Uint8Array;
  /** Writes a file (tpf plot -o). */
  readonly writeText?: (path: string, text: string) => void;
  /** Whether standard error is a terminal (progress bars only then). */
  readonly errIsTerminal?: boolean;
}

const USAGE = `usage: tpf evaluate <scenario.json | -> [--json]
       tpf evaluate --default [--json]
       tpf levers <scenario.json | -> [--json] [--objective tokens/s|J/token|J/request|$/Mtoken]
       tpf plan <scenario.json | -> (--target-tokens N | --target-requests N) [--accelerators A,B,…] [--json]
       tpf crossover <scenario.json | -> --parameter NAME --low X --high Y [--mode bound|estimate] [--json]
       tpf sweep <scenario.json | -> --grid grid.json|grid.csv [--shard k/n] [--workers N] [--format csv|json] [--mode bound|estimate]
       tpf report <scenario.json | -> [--format markdown|latex|json]
       tpf plot staves|rate|roofline|waterfall <scenario.json | -> [-o file.svg] [--spec] [--axis deliveredPower|pue|count] [--mode bound|estimate] [--metric tokens/s|J/token]
       tpf validate <runs.csv|.json|.parquet> [--json | --csv] [--format mlenergy|inferencex|llm-energy-measure|telemetry] [--preset chat]
evaluate:  a scenario (or a JSON array of scenarios): every stave, the binding one, energy.
levers:    the baseline and each lever in the scenario's "levers" field, at its targets.
plan:      accelerators, nodes and MW at the meter for a target rate; the cheapest option.
crossover: the value of an input at which the binding stave changes.
sweep:     a grid of inputs (columns), evaluated columnar; shards concatenate.
validate:  measured runs against the bound and the estimate (exit 1 if a run beats the bound).
report:    the disclosure card of a scenario, for papers (Markdown, LaTeX, JSON).
plot:      a chart as SVG (vega, no browser), or its Vega-Lite spec with --spec.
Exit codes: 0 ok, 1 a bound violated (validate), 2 bad input.`;

const COMMANDS = ["evaluate", "levers", "plan", "crossover", "sweep", "validate", "report", "plot"] as const;
const FLAGS_WITH_VALUE = [
  "--objective", "--parameter", "--low", "--high", "--mode", "--target-tokens", "--target-requests",
  "--accelerators", "--grid", "--shard", "--format", "--workers", "--preset", "-o", "--output", "--axis", "--metric",
];

const MAX_INPUT_BYTES = 50 * 1024 * 1024;

const internalError = (io: CliIo, error: unknown): number => {
  io.err(`tpf: internal error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
};

/**
 * Runs the `tpf` command line; returns the exit code (a Promise for `validate`, which may
 * read parquet). Never throws.
 * @example const code = runCli(["evaluate", "--default", "--json"], io)
 */
export const runCli = (argv: readonly string[], io: CliIo): number | Promise<number> => {
  try {
    const code = runCommand(argv, io);
    return typeof code === "number" ? code : code.catch((error: unknown) => internalError(io, error));
  } catch (error) {
    return internalError(io, error);
  }
};

const runCommand = (argv: readonly string[], io: CliIo): number | Promise<number> => {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    io.err(`tpf: unknown command ${JSON.stringify(command)}\n${USAGE}`);
    return 2;
  }
  const json = rest.includes("--json");
  const useDefault = rest.includes("--default");
  const values = new Map<string, string>();
  const positional: string[] = [];
  const unknownFlags: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (FLAGS_WITH_VALUE.includes(arg)) {
      const value = rest[i + 1];
      if (value === undefined) unknownFlags.push(`${arg} (needs a value)`);
      else values.set(arg, value);
      i++;
    } else if (arg === "--json" || arg === "--default" || arg === "--spec") continue;
    else if (arg.startsWith("--")) unknownFlags.push(arg);
    else positional.push(arg);
  }
  if (command === "validate") {
    if (unknownFlags.some((f) => f !== "--csv")) {
      io.err(`tpf: unknown option ${unknownFlags.join(", ")}\n${USAGE}`);
      return 2;
    }
    return runValidate(positional[0], values, json ? "json" : rest.includes("--csv") ? "csv" : "table", io);
  }
  if (unknownFlags.length > 0) {
    io.err(`tpf: unknown option ${unknownFlags.join(", ")}\n${USAGE}`);
    return 2;
  }
  // `tpf plot <kind> <file>`: the kind is the first positional.
  const plotKind = command === "plot" ? positional.shift() : undefined;
  let document: unknown;
  if (useDefault) {
    document = DEFAULT_SCENARIO_DOCUMENT;
  } else {
    const path = positional[0];
    if (path === undefined || positional.length > 1) {
      io.err(`tpf: expected one scenario file (or - for standard input)\n${USAGE}`);
      return 2;
    }
    let text: string;
    try {
      text = io.readText(path);
    } catch (error) {
      io.err(`tpf: cannot read ${JSON.stringify(path)}: ${error instanceof Error ? error.message.split("\n")[0] : "read failed"}`);
      return 2;
    }
    if (text.length > MAX_INPUT_BYTES) {
      io.err(`scenario: input of ${text.length} characters is larger than the ${MAX_INPUT_BYTES} limit`);
      return 2;
    }
    try {
      document = JSON.parse(text);
    } catch (error) {
      io.err(`scenario: malformed JSON (${error instanceof Error ? error.message.split("\n")[0] : "parse error"})`);
      return 2;
    }
  }
  if (command === "levers") return runLevers(document, values.get("--objective"), json, io);
  if (command === "report") return runReport(document, values.get("--format"), io);
  if (command === "plot") return runPlot(plotKind, document, values, rest.includes("--spec"), io);
  if (command === "plan") return runPlan(document, values, json, io);
  if (command === "crossover") return runCrossover(document, values, json, io);
  if (command === "sweep") return runSweep(document, values, io);
  const many = Array.isArray(document);
  const documents: unknown[] = many ? (document as unknown[]) : [document];
  const problems: string[] = [];
  const results = documents.map((doc, index) => {
    const parsed = parseScenario(doc);
    if (E.isLeft(parsed)) {
      const prefix = many ? `[${index}].` : "";
      problems.push(...formatScenarioError(parsed.left).split("\n").map((line) => prefix + line));
      return undefined;
    }
    return { scenario: parsed.right, evaluation: evaluate(parsed.right) };
  });
  if (problems.length > 0) {
    io.err(problems.join("\n"));
    return 2;
  }
  const ok = results.filter((r): r is NonNullable<typeof r> => r !== undefined);
  if (json) {
    const payload = ok.map((r) => r.evaluation);
    io.out(JSON.stringify(many ? payload : payload[0], null, 2));
  } else {
    io.out(ok.map((r) => formatEvaluationTable(r.scenario, r.evaluation)).join("\n\n"));
  }
  return 0;
};

import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../domain/scenario.js";
import { sweep, sweepValueProblem, type SweepResult } from "../planning/sweep.js";
import { parseScenario } from "../schema/parseScenario.js";
import { formatScenarioError } from "../schema/scenarioError.js";
import { STAVE_NAMES, type Mode } from "../staves/plant.js";
import { EXIT } from "./exitCodes.js";
import { readGrid, type GridSource } from "./grid.js";
import type { CliIo } from "./io.js";
import type { ParsedCommand } from "./parseCommandLine.js";
import { nodeRequire } from "./nodeRequire.js";
import { readInputText } from "./readDocument.js";

const stringify = (records: (number | string)[][]): string =>
  (nodeRequire()("csv-stringify/sync") as typeof import("csv-stringify/sync")).stringify(records, { record_delimiter: "unix" });

/** Columns every sweep row has, after the row number (and the echoed inputs). */
export const SWEEP_RESULT_COLUMNS = ["outputTokensPerSecond", "binding", "feasible", "joulesPerOutputToken"] as const;

/** A shard "k/n" (1-based k). */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/**
 * Reads `--shard k/n` (default 1/1).
 * @example readShard("3/8") // Right({ k: 3, n: 8 })
 */
export const readShard = (text: string | undefined): E.Either<string, Shard> => {
  if (text === undefined) return E.right({ k: 1, n: 1 });
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (match === null || !(Number.isSafeInteger(n) && n >= 1 && k >= 1 && k <= n)) return E.left(`--shard: expected k/n with 1 <= k <= n, got ${JSON.stringify(text)}`);
  return E.right({ k, n });
};

/**
 * Rows [start, end) of shard k of n: contiguous, so the shards' outputs concatenate in order.
 * @example shardRange({ k: 2, n: 4 }, 10) // { start: 2, end: 5 }
 */
export const shardRange = (shard: Shard, rows: number): { start: number; end: number } => ({
  start: Math.floor(((shard.k - 1) * rows) / shard.n),
  end: Math.floor((shard.k * rows) / shard.n),
});

/**
 * Sweep rows as CSV (csv-stringify): row number, the input columns when echoed, then the
 * results; no trailing line break. Empty for no rows.
 * @example sweepCsvRows(result, inputs, 0)
 */
export const sweepCsvRows = (result: SweepResult, inputs: SweepInputs | undefined, start: number): string => {
  const records: (number | string)[][] = [];
  for (let i = 0; i < result.rows; i++) {
    const echoed = inputs === undefined ? [] : inputs.columns.map((c) => c[i]!);
    records.push([start + i, ...echoed, result.outputTokensPerSecond[i]!, STAVE_NAMES[result.binding[i]!]!, result.feasible[i]!, result.joulesPerOutputToken[i]!]);
  }
  return records.length === 0 ? "" : stringify(records).replace(/\n$/, "");
};

/** The input columns of a range of rows, to echo in the output. */
export interface SweepInputs {
  readonly names: readonly string[];
  readonly columns: readonly ArrayLike<number>[];
}

/**
 * Sweep rows as JSON lines: one object per row with the row number, the inputs and the
 * results (concatenates across shards).
 * @example sweepJsonLines(result, inputs, 0)
 */
export const sweepJsonLines = (result: SweepResult, inputs: SweepInputs, start: number): string => {
  const lines: string[] = [];
  for (let i = 0; i < result.rows; i++) {
    const row: Record<string, number | string | boolean> = { row: start + i };
    inputs.names.forEach((name, c) => {
      row[name] = inputs.columns[c]![i]!;
    });
    row.outputTokensPerSecond = result.outputTokensPerSecond[i]!;
    row.binding = STAVE_NAMES[result.binding[i]!]!;
    row.feasible = result.feasible[i] === 1;
    row.joulesPerOutputToken = result.joulesPerOutputToken[i]!;
    lines.push(JSON.stringify(row));
  }
  return lines.join("\n");
};

const CHUNK_ROWS = 50_000;

interface SweepPlan {
  readonly scenario: Scenario;
  readonly grid: GridSource;
  readonly shard: Shard;
  readonly mode: Mode;
  readonly format: "csv" | "json";
  readonly echo: boolean;
  readonly workers: number;
}

/** Checks every input of `tpf sweep` before any row is evaluated. */
const planSweep = (command: ParsedCommand, document: unknown, gridText: string): E.Either<string, SweepPlan> => {
  const v = command.values;
  const format = typeof v.format === "string" ? v.format : "csv";
  if (format !== "csv" && format !== "json") return E.left(`--format: expected csv or json, got ${JSON.stringify(format)}`);
  const modeText = typeof v.mode === "string" ? v.mode : "estimate";
  if (modeText !== "bound" && modeText !== "estimate") return E.left(`--mode: expected bound or estimate, got ${JSON.stringify(modeText)}`);
  const shard = readShard(typeof v.shard === "string" ? v.shard : undefined);
  if (E.isLeft(shard)) return shard;
  const workersText = typeof v.workers === "string" ? v.workers : "1";
  const workers = Number(workersText);
  if (!(Number.isInteger(workers) && workers >= 1 && workers <= 256)) return E.left(`--workers: expected a whole number from 1 to 256, got ${JSON.stringify(workersText)}`);
  const product = v.product === true;
  const grid = readGrid(gridText, product);
  if (E.isLeft(grid)) return grid;
  const scenario = parseScenario(document);
  if (E.isLeft(scenario)) return E.left(formatScenarioError(scenario.left));
  // Every value is checked against sweep()'s ranges before any row is printed: the zipped
  // columns whole, a product's columns each alone (every value appears in some row).
  // The scenario's own limits (a shared prefix within the prompt, a clock in range) are checked
  // here too for zipped rows and for a single product column; several product columns meet
  // only in their rows, which sweep() checks chunk by chunk.
  const single = grid.right.names.length === 1 ? scenario.right : undefined;
  const problem = product
    ? grid.right.names.map((name, c) => sweepValueProblem({ [name]: grid.right.columns[c]! }, 0, grid.right.columns[c]!.length, single)).find((p) => p !== undefined)
    : sweepValueProblem(grid.right.rows(0, grid.right.rowCount), 0, grid.right.rowCount, scenario.right);
  if (problem !== undefined) return E.left(problem);
  return E.right({ scenario: scenario.right, grid: grid.right, shard: shard.right, mode: modeText, format, echo: v.echo === true || product, workers });
};

/** Evaluates and prints rows [start, end) on this thread, a chunk at a time. */
const sweepRange = (plan: SweepPlan, start: number, end: number, io: CliIo): E.Either<string, void> => {
  const { grid, scenario, mode, format } = plan;
  const progress = end - start > CHUNK_ROWS ? io.progress?.("sweep", end - start) : undefined;
  try {
    for (let from = start; from < end; from += CHUNK_ROWS) {
      const to = Math.min(end, from + CHUNK_ROWS);
      const columns = grid.rows(from, to);
      const result = sweep(scenario, columns, { mode });
      if (E.isLeft(result)) return E.left(result.left.message);
      const inputs: SweepInputs = { names: grid.names, columns: grid.names.map((n) => columns[n]!) };
      const text = format === "csv" ? sweepCsvRows(result.right, plan.echo ? inputs : undefined, from) : sweepJsonLines(result.right, inputs, from);
      if (text !== "") io.out(text);
      progress?.update(to - start);
    }
  } finally {
    progress?.stop();
  }
  return E.right(undefined);
};

const header = (plan: SweepPlan): string =>
  stringify([["row", ...(plan.echo ? plan.grid.names : []), ...SWEEP_RESULT_COLUMNS]]).replace(/\n$/, "");

/** The command line of sub-shard `index` (0-based) of `count` inside this shard. */
const subShardArgv = (command: ParsedCommand, plan: SweepPlan, index: number, count: number, paths: { scenario?: string; grid: string }): string[] => {
  const sub = (plan.shard.k - 1) * count + index + 1;
  const argv = ["sweep", ...(paths.scenario === undefined ? ["--default"] : [paths.scenario]), `--grid=${paths.grid}`, `--shard=${sub}/${plan.shard.n * count}`];
  argv.push(`--format=${plan.format}`, `--mode=${plan.mode}`);
  if (command.values.product === true) argv.push("--product");
  if (command.values.echo === true) argv.push("--echo");
  return argv;
};

/**
 * `tpf sweep`: reads the grid (JSON or CSV, unit strings allowed, zipped or --product),
 * evaluates this shard's rows and writes CSV (header only on shard 1, so shards and
 * workers concatenate to exactly one header) or JSON lines, a chunk at a time. With
 * --workers N and a thread runner, N sub-shards run on threads and print in order.
 * @example runSweep(command, document, io, "s.json", text)
 */
export const runSweep = (command: ParsedCommand, document: unknown, io: CliIo, scenarioPath: string | undefined, scenarioText: string | undefined): number | Promise<number> => {
  const gridPath = command.values.grid;
  if (typeof gridPath !== "string") {
    io.err("--grid: required (a JSON or CSV file of input columns)");
    return EXIT.badInput;
  }
  const gridText = readInputText(io, gridPath, "grid");
  if (E.isLeft(gridText)) {
    io.err(gridText.left);
    return EXIT.badInput;
  }
  const plan = planSweep(command, document, gridText.right);
  if (E.isLeft(plan)) {
    io.err(plan.left);
    return EXIT.badInput;
  }
  const { start, end } = shardRange(plan.right.shard, plan.right.grid.rowCount);
  const withHeader = plan.right.format === "csv" && plan.right.shard.k === 1;
  if (plan.right.workers > 1 && io.runInWorkers !== undefined && end > start) {
    const files: Record<string, string> = { [gridPath]: gridText.right };
    if (scenarioPath !== undefined && scenarioText !== undefined) files[scenarioPath] = scenarioText;
    const count = plan.right.workers;
    const jobs = Array.from({ length: count }, (_, i) => subShardArgv(command, plan.right, i, count, { ...(scenarioPath === undefined ? {} : { scenario: scenarioPath }), grid: gridPath }));
    return io.runInWorkers(jobs, files).then((results) => {
      const failed = results.find((r) => r.code !== EXIT.ok);
      if (failed !== undefined) {
        io.err(failed.err);
        return failed.code;
      }
      // The CSV header came from sub-shard 1 only (it is shard 1 of the whole when k is 1).
      for (const result of results) if (result.out !== "") io.out(result.out);
      return EXIT.ok;
    });
  }
  if (withHeader) io.out(header(plan.right));
  const done = sweepRange(plan.right, start, end, io);
  if (E.isLeft(done)) {
    io.err(done.left);
    return EXIT.badInput;
  }
  return EXIT.ok;
};

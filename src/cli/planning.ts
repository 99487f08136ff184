import * as E from "fp-ts/lib/Either.js";
import { ACCELERATORS } from "../catalog/accelerators.js";
import type { Scenario } from "../domain/scenario.js";
import { crossover } from "../planning/crossover.js";
import { PARAMETERS } from "../planning/parameters.js";
import { plan } from "../planning/plan.js";
import { sweep, type SweepGrid, type SweepResult } from "../planning/sweep.js";
import { parseScenario } from "../schema/parseScenario.js";
import { formatScenarioError } from "../schema/scenarioError.js";
import { STAVE_NAMES, type Mode } from "../staves/plant.js";
import {
  bandwidth,
  computeRate,
  memory,
  parseQuantity,
  power,
  ratioKind,
  time,
  type Dimension,
  type Quantity,
  type QuantityKind,
} from "../units/index.js";
import type { CliIo } from "./run.js";

const fail = (io: CliIo, message: string): number => {
  io.err(message);
  return 2;
};

const scenarioOrFail = (document: unknown, io: CliIo): Scenario | undefined => {
  const parsed = parseScenario(document);
  if (E.isRight(parsed)) return parsed.right;
  io.err(formatScenarioError(parsed.left));
  return undefined;
};

const KIND_BY_UNIT: Readonly<Record<string, QuantityKind<Quantity<Dimension>>>> = {
  W: power as QuantityKind<Quantity<Dimension>>,
  s: time as QuantityKind<Quantity<Dimension>>,
  "B/s": bandwidth as QuantityKind<Quantity<Dimension>>,
  B: memory as QuantityKind<Quantity<Dimension>>,
  "FLOP/s": computeRate as QuantityKind<Quantity<Dimension>>,
};

/** A flag value as SI: a number, or a string with units when the parameter has a unit. */
const quantityFlag = (flag: string, text: string | undefined, unit: string): E.Either<string, number> => {
  if (text === undefined) return E.left(`${flag}: required`);
  const kind = KIND_BY_UNIT[unit] ?? (ratioKind as QuantityKind<Quantity<Dimension>>);
  const parsed = parseQuantity(text, kind);
  return E.isRight(parsed) ? E.right(parsed.right) : E.left(`${flag}: ${parsed.left.message}`);
};

const modeFlag = (text: string | undefined): E.Either<string, Mode> =>
  text === undefined || text === "estimate" ? E.right("estimate") : text === "bound" ? E.right("bound") : E.left(`--mode: expected bound or estimate, got ${JSON.stringify(text)}`);

/** `tpf plan`. */
export const runPlan = (document: unknown, flags: ReadonlyMap<string, string>, json: boolean, io: CliIo): number => {
  const tokens = flags.get("--target-tokens");
  const requests = flags.get("--target-requests");
  if ((tokens === undefined) === (requests === undefined)) return fail(io, "target: give exactly one of --target-tokens, --target-requests");
  const value = Number(tokens ?? requests);
  if (!(Number.isFinite(value) && value > 0)) return fail(io, `target: expected a rate > 0, got ${JSON.stringify(tokens ?? requests)}`);
  const ids = flags.get("--accelerators")?.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const unknown = (ids ?? []).filter((id) => !Object.hasOwn(ACCELERATORS, id));
  if (unknown.length > 0) return fail(io, `--accelerators: unknown ${unknown.join(", ")}; expected some of ${Object.keys(ACCELERATORS).join(", ")}`);
  const documents = ids === undefined ? [document] : ids.map((accelerator) => ({ ...(document as object), accelerator }));
  const options: Scenario[] = [];
  for (const doc of documents) {
    const s = scenarioOrFail(doc, io);
    if (s === undefined) return 2;
    options.push(s);
  }
  const target = tokens !== undefined ? { outputTokensPerSecond: value } : { requestsPerSecond: value };
  const result = plan(options, target);
  if (E.isLeft(result)) return fail(io, result.left.message);
  if (json) {
    io.out(JSON.stringify(result.right, null, 2));
    return 0;
  }
  const lines = result.right.options.map((o) =>
    o.feasible
      ? `${o.accelerator.padEnd(14)} ${String(o.replicas).padStart(7)} × ${o.count} = ${String(o.accelerators).padStart(8)} accelerators, ${String(o.nodes).padStart(6)} nodes, ${(o.meterPower / 1e6).toFixed(3)} MW at the meter, binding ${o.binding}, ${o.usdPerHour.total.toFixed(0)} USD/h`
      : `${o.accelerator.padEnd(14)} infeasible: ${o.reason ?? ""}`,
  );
  io.out([`target: ${tokens !== undefined ? `${value} output tokens/s` : `${value} requests/s`}`, ...lines, `cheapest: ${result.right.cheapest?.accelerator ?? "none"}`].join("\n"));
  return 0;
};

/** `tpf crossover`. */
export const runCrossover = (document: unknown, flags: ReadonlyMap<string, string>, json: boolean, io: CliIo): number => {
  const name = flags.get("--parameter");
  if (name === undefined) return fail(io, "--parameter: required");
  const parameter = PARAMETERS[name];
  if (parameter === undefined) return fail(io, `--parameter: unknown ${JSON.stringify(name)}; expected one of ${Object.keys(PARAMETERS).join(", ")}`);
  const low = quantityFlag("--low", flags.get("--low"), parameter.unit);
  const high = quantityFlag("--high", flags.get("--high"), parameter.unit);
  const mode = modeFlag(flags.get("--mode"));
  const problems = [low, high, mode].flatMap((r) => (E.isLeft(r) ? [r.left] : []));
  if (problems.length > 0) return fail(io, problems.join("\n"));
  const scenario = scenarioOrFail(document, io);
  if (scenario === undefined) return 2;
  const result = crossover(scenario, name, { low: (low as E.Right<number>).right, high: (high as E.Right<number>).right }, (mode as E.Right<Mode>).right);
  if (E.isLeft(result)) return fail(io, result.left.message);
  if (json) io.out(JSON.stringify(result.right, null, 2));
  else if (result.right.found) {
    io.out(`${name}: ${result.right.before} binds below ${result.right.value.toPrecision(6)} ${parameter.unit}, ${result.right.after} above (${result.right.method})`);
  } else io.out(`${name}: ${result.right.binding} binds over the whole range`);
  return 0;
};

/** Reads a grid: JSON `{ "name": [values…] }` or CSV with the parameter names as header. */
export const parseGrid = (text: string): E.Either<string, SweepGrid> => {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return E.left(`grid: malformed JSON (${error instanceof Error ? error.message.split("\n")[0] : "parse error"})`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return E.left("grid: expected an object of columns");
    const grid: Record<string, Float64Array> = {};
    for (const [name, column] of Object.entries(parsed)) {
      if (!Array.isArray(column) || !column.every((v) => typeof v === "number")) return E.left(`grid.${name}: expected an array of numbers`);
      grid[name] = Float64Array.from(column as number[]);
    }
    return E.right(grid);
  }
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length < 2) return E.left("grid: expected a header of parameter names and at least one row");
  const header = lines[0]!.split(",").map((h) => h.trim());
  const columns = header.map(() => new Float64Array(lines.length - 1));
  for (let row = 1; row < lines.length; row++) {
    const cells = lines[row]!.split(",");
    if (cells.length !== header.length) return E.left(`grid row ${row}: expected ${header.length} cells, got ${cells.length}`);
    for (let c = 0; c < header.length; c++) {
      const value = Number(cells[c]);
      if (cells[c]!.trim() === "" || !Number.isFinite(value)) return E.left(`grid row ${row}, ${header[c]}: expected a number, got ${JSON.stringify(cells[c])}`);
      columns[c]![row - 1] = value;
    }
  }
  return E.right(Object.fromEntries(header.map((h, i) => [h, columns[i]!])));
};

/** Rows [start, end) of shard k of n (1-based k): contiguous, so the outputs concatenate. */
export const shardRange = (shard: string | undefined, rows: number): E.Either<string, { start: number; end: number }> => {
  if (shard === undefined) return E.right({ start: 0, end: rows });
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (match === null || !(n >= 1 && k >= 1 && k <= n)) return E.left(`--shard: expected k/n with 1 <= k <= n, got ${JSON.stringify(shard)}`);
  return E.right({ start: Math.floor(((k - 1) * rows) / n), end: Math.floor((k * rows) / n) });
};

/** Formats sweep rows as CSV (header only on the first shard, so shards concatenate). */
export const sweepCsv = (result: SweepResult, start: number, header: boolean): string => {
  const lines = header ? ["row,outputTokensPerSecond,binding,feasible,joulesPerOutputToken"] : [];
  for (let i = 0; i < result.rows; i++) {
    lines.push(`${start + i},${result.outputTokensPerSecond[i]},${STAVE_NAMES[result.binding[i]!]},${result.feasible[i]},${result.joulesPerOutputToken[i]}`);
  }
  return lines.join("\n");
};

/** Formats sweep rows as JSON lines (one object per row; concatenates across shards). */
export const sweepJsonLines = (result: SweepResult, start: number): string => {
  const lines: string[] = [];
  for (let i = 0; i < result.rows; i++) {
    lines.push(JSON.stringify({ row: start + i, outputTokensPerSecond: result.outputTokensPerSecond[i], binding: STAVE_NAMES[result.binding[i]!], feasible: result.feasible[i] === 1, joulesPerOutputToken: result.joulesPerOutputToken[i] }));
  }
  return lines.join("\n");
};

const PROGRESS_CHUNK = 50_000;

/** `tpf sweep` on one thread (main.ts spreads --workers over threads with the same pieces). */
export const runSweep = (document: unknown, flags: ReadonlyMap<string, string>, io: CliIo): number => {
  const gridPath = flags.get("--grid");
  if (gridPath === undefined) return fail(io, "--grid: required (a JSON or CSV file of input columns)");
  const format = flags.get("--format") ?? "csv";
  if (format !== "csv" && format !== "json") return fail(io, `--format: expected csv or json, got ${JSON.stringify(format)}`);
  const mode = modeFlag(flags.get("--mode"));
  if (E.isLeft(mode)) return fail(io, mode.left);
  let text: string;
  try {
    text = io.readText(gridPath);
  } catch (error) {
    return fail(io, `tpf: cannot read ${JSON.stringify(gridPath)}: ${error instanceof Error ? error.message.split("\n")[0] : "read failed"}`);
  }
  const grid = parseGrid(text);
  if (E.isLeft(grid)) return fail(io, grid.left);
  const rows = Math.max(0, ...Object.values(grid.right).map((c) => c.length));
  const range = shardRange(flags.get("--shard"), rows);
  if (E.isLeft(range)) return fail(io, range.left);
  const scenario = scenarioOrFail(document, io);
  if (scenario === undefined) return 2;
  const { start, end } = range.right;
  const showProgress = io.errIsTerminal === true && end - start > PROGRESS_CHUNK;
  const chunks: string[] = [];
  for (let from = start; from < end || (from === start && end === start); from += PROGRESS_CHUNK) {
    const to = Math.min(end, from + PROGRESS_CHUNK);
    const result = sweep(scenario, grid.right, { mode: mode.right, start: from, end: to });
    if (E.isLeft(result)) return fail(io, result.left.message);
    chunks.push(format === "csv" ? sweepCsv(result.right, from, from === start && start === 0) : sweepJsonLines(result.right, from));
    if (showProgress) io.err(`\rsweep ${Math.round(((to - start) / (end - start)) * 100)}% (${to - start}/${end - start} rows)`);
    if (end === start) break;
  }
  io.out(chunks.filter((c) => c !== "").join("\n"));
  return 0;
};

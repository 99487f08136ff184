import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../domain/scenario.js";
import { STAVE_NAMES, type Mode, type StaveName } from "../staves/plant.js";
import { evaluateMode } from "../tpf/evaluate.js";
import { bindingIndex } from "../tpf/binding.js";
import { operatingPoint } from "../tpf/operatingPoint.js";
import { inRange } from "../domain/ranges.js";
import { PARAMETERS, PARAMETER_NAMES, parameterValueProblem, scenarioValueProblem, type ParameterName } from "./parameters.js";
import { planningError, type PlanningError } from "./planningError.js";

/**
 * Columns of input values by parameter name, one row per scenario (SI units), all the same
 * length.
 */
export type SweepGrid = { readonly [Name in ParameterName | (string & {})]?: Float64Array | readonly number[] };

/** Options of sweep(). */
export interface SweepOptions {
  /** Mode (default estimate). */
  readonly mode?: Mode;
  /** First row to evaluate (default 0): with `end`, a shard of the grid. */
  readonly start?: number;
  /** One past the last row (default: all). */
  readonly end?: number;
}

/** Columns out, one entry per evaluated row. */
export interface SweepResult {
  /** Rows evaluated (end − start). */
  readonly rows: number;
  /** Whether the columnar fast path served the sweep (only site inputs varied). */
  readonly fastPath: boolean;
  /** Output tokens/s. */
  readonly outputTokensPerSecond: Float64Array;
  /** Facility J per output token, amortized at U; 0 where infeasible. */
  readonly joulesPerOutputToken: Float64Array;
  /** Binding stave as an index into STAVE_NAMES. */
  readonly binding: Uint8Array;
  /** 1 where feasible. */
  readonly feasible: Uint8Array;
}

/** Inputs the fast path handles: they move only the facility-power and cooling staves and U. */
const SITE_INPUTS = new Set(["facility.deliveredPower", "facility.pue", "facility.coolingCapacity", "utilization"]);
const TIE = 1e-12;
const stave = (name: StaveName): number => STAVE_NAMES.indexOf(name);

const fast = (base: Scenario, grid: SweepGrid, mode: Mode, start: number, end: number, out: SweepResult): void => {
  const point = operatingPoint(base, mode);
  const { plant, itJoules, fullAtInternalRate: full, internalRate, fits } = point;
  const internalBinding = bindingIndex(point.internalValues);
  const internalValue = point.internalValues[internalBinding]!;
  const power = grid["facility.deliveredPower"];
  const pue = grid["facility.pue"];
  const cooling = grid["facility.coolingCapacity"];
  const utilization = grid.utilization;
  const idleAccelerators = plant.accelerators * plant.replicas * plant.idlePower;
  const psu = mode === "bound" ? 1 : base.facility.psuEfficiency;
  const hosts = full.it - full.accelerator / psu;
  const facilityIndex = stave("facility-power");
  const coolingIndex = stave("cooling");
  for (let row = start; row < end; row++) {
    const i = row - start;
    const p = power === undefined ? base.facility.deliveredPower : power[row]!;
    const ratio = pue === undefined ? base.facility.pue : pue[row]!;
    const c = cooling === undefined ? base.facility.coolingCapacity : cooling[row]!;
    const u = mode === "bound" ? 1 : utilization === undefined ? base.utilization : utilization[row]!;
    let best = internalValue;
    let binding = internalBinding;
    if (itJoules !== null) {
      if (p !== undefined) {
        const f = p / ratio / itJoules;
        if (f < best * (1 - TIE)) { best = f; binding = facilityIndex; }
      }
      if (c !== undefined) {
        const k = c / itJoules;
        if (k < best * (1 - TIE)) { best = k; binding = coolingIndex; }
      }
    }
    const feasible = fits && best > 0 && itJoules !== null;
    out.outputTokensPerSecond[i] = feasible ? u * best : 0;
    out.binding[i] = binding;
    out.feasible[i] = feasible ? 1 : 0;
    // Same as averagePowerAt(): U at full load, (1 − U) idle, hosts and PSU throughout.
    out.joulesPerOutputToken[i] = feasible && u > 0
      ? (((u * full.accelerator + (1 - u) * idleAccelerators) / psu + hosts) * ratio) / (u * internalRate)
      : 0;
  }
};

/** The base scenario with the named columns' values of a row set. */
const withRow = (base: Scenario, grid: SweepGrid, names: readonly string[], row: number): Scenario => {
  let scenario = base;
  for (const name of names) scenario = PARAMETERS[name]!.set(scenario, grid[name]![row]!);
  return scenario;
};

const general = (base: Scenario, grid: SweepGrid, names: readonly string[], mode: Mode, start: number, end: number, out: SweepResult): void => {
  for (let row = start; row < end; row++) {
    const r = evaluateMode(withRow(base, grid, names, row), mode);
    const i = row - start;
    out.outputTokensPerSecond[i] = r.outputTokensPerSecond;
    out.joulesPerOutputToken[i] = r.feasible ? (r.joulesPerOutputToken?.facility ?? 0) : 0;
    out.binding[i] = stave(r.binding);
    out.feasible[i] = r.feasible ? 1 : 0;
  }
};

/** A row's own scenario for checking one column's limit: every other known, in-range column set. */
const rowScenario = (grid: SweepGrid, row: number, except: string, base: Scenario): Scenario =>
  withRow(base, grid, Object.keys(grid).filter((other) => other !== except && PARAMETERS[other] !== undefined && inRange(PARAMETERS[other].range, grid[other]![row])), row);

/**
 * The first value of rows [start, end) outside its parameter's documented range (the values
 * parseScenario accepts for that field, src/domain/ranges.ts), as a message
 * ("grid.facility.pue.3: expected a ratio in [1, 10], got 0.5"), or undefined when all are valid.
 * With `scenario`, also the limits it sets (a shared prefix at most its input tokens, a clock
 * lock within its accelerator's range), checked against the row's own scenario (the base with
 * the row's other columns set).
 * sweep() checks this itself; callers that stream rows check the whole grid first.
 * @example sweepValueProblem({ "facility.pue": [1.2, 0.9] }, 0, 2) // "grid.facility.pue.1: …"
 */
export const sweepValueProblem = (grid: SweepGrid, start: number, end: number, scenario?: Scenario): string | undefined => {
  for (const name of Object.keys(grid)) {
    const column = grid[name]!;
    const parameter = PARAMETERS[name];
    if (parameter === undefined) return `grid: unknown parameter ${JSON.stringify(name)}; expected some of ${PARAMETER_NAMES.join(", ")}`;
    const checkScenario = scenario !== undefined && parameter.within !== undefined;
    for (let row = start; row < end; row++) {
      const value = column[row];
      if (!inRange(parameter.range, value)) return parameterValueProblem(parameter, value, `grid.${name}.${row}`);
      if (checkScenario) {
        // The limit is the row's own scenario: the other columns of the row applied first (a
        // grid may vary the prompt and its shared prefix together).
        const problem = scenarioValueProblem(parameter, rowScenario(grid, row, name, scenario), value, `grid.${name}.${row}`);
        if (problem !== undefined) return problem;
      }
    }
  }
  return undefined;
};

/**
 * Evaluates many variants of one scenario, columnar: typed arrays in, typed arrays out.
 * When only site inputs vary (delivered power, PUE, cooling, utilization), the plant's own
 * staves are computed once and each row costs a few divisions with no allocation; otherwise
 * each row is a full evaluate. `start`/`end` select a shard, so a large grid splits across
 * processes or machines and the shards' outputs concatenate.
 * @example sweep(site, { "facility.deliveredPower": Float64Array.from({ length: 1e6 }, (_, i) => 1e3 * (i + 1)) })
 */
export const sweep = (base: Scenario, grid: SweepGrid, options: SweepOptions = {}): E.Either<PlanningError, SweepResult> => {
  const names = Object.keys(grid);
  const unknown = names.filter((n) => PARAMETERS[n] === undefined);
  if (unknown.length > 0) {
    return E.left(planningError(`grid: unknown parameter ${unknown.map((n) => JSON.stringify(n)).join(", ")}; expected some of ${PARAMETER_NAMES.join(", ")}`));
  }
  const lengths = new Set(names.map((n) => grid[n]!.length));
  if (lengths.size > 1) return E.left(planningError("grid: every column must have the same length"));
  const total = names.length === 0 ? 0 : [...lengths][0]!;
  const start = options.start ?? 0;
  const end = options.end ?? total;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= total)) {
    return E.left(planningError(`range: expected 0 <= start <= end <= ${total}, got ${start}..${end}`));
  }
  const problem = sweepValueProblem(grid, start, end, base);
  if (problem !== undefined) return E.left(planningError(problem));
  const mode = options.mode ?? "estimate";
  const rows = end - start;
  const fastPath = base.routing === undefined && names.every((n) => SITE_INPUTS.has(n));
  const out: SweepResult = {
    rows,
    fastPath,
    outputTokensPerSecond: new Float64Array(rows),
    joulesPerOutputToken: new Float64Array(rows),
    binding: new Uint8Array(rows),
    feasible: new Uint8Array(rows),
  };
  if (fastPath) fast(base, grid, mode, start, end, out);
  else general(base, grid, names, mode, start, end, out);
  return E.right(out);
};

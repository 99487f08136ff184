import type { Precision } from "../domain/precision.js";
import { expectedMessage, FIELD_RANGES, inRange, type FieldRange, type RangePath } from "../domain/ranges.js";
import type { Parallelism, Scenario } from "../domain/scenario.js";
import type { SameType } from "../units/publicSchema.js";
import { bytes, bytesPerSecond, flopPerSecond, hertz, quantity, ratio, seconds, watts, type FlopPerSecond } from "../units/index.js";

/** The limit a scenario sets on a parameter's value (SI units of the parameter). */
export interface ScenarioLimit {
  /** Lowest value the scenario allows. */
  readonly low: number;
  /** Highest value the scenario allows. */
  readonly high: number;
  /** The limit in words, for messages: "at most workload.inputTokens". */
  readonly what: string;
}

/** A numeric input of a scenario that planning can vary. */
export interface Parameter {
  /** Dotted name, as in the scenario JSON ("facility.deliveredPower"). */
  readonly name: string;
  /** The SI unit of the value. */
  readonly unit: string;
  /** Whether only whole values make sense (count, replicas). */
  readonly integer: boolean;
  /** The documented range of the value (src/domain/ranges.ts), the one parseScenario checks. */
  readonly range: FieldRange;
  /** The current value, or undefined when the scenario does not set it. */
  readonly get: (scenario: Scenario) => number | undefined;
  /** A copy of the scenario with the value set. */
  readonly set: (scenario: Scenario, value: number) => Scenario;
  /**
   * The limit the value must also respect in this scenario, beyond its documented range
   * (shared prefix at most the input tokens, a clock lock within the accelerator's clocks),
   * as parseScenario checks it; absent when there is none.
   */
  readonly within?: (scenario: Scenario) => ScenarioLimit;
}

const scalePeaks = (peaks: Scenario["accelerator"]["peakFlopPerSecond"], factor: number) =>
  Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, flopPerSecond((v ?? 0) * factor)])) as Partial<Record<Precision, FlopPerSecond>>;

const DEFINITIONS_WITHOUT_RANGES = [
  {
    name: "facility.deliveredPower", unit: "W", integer: false,
    get: (s) => s.facility.deliveredPower,
    set: (s, v) => ({ ...s, facility: { ...s.facility, deliveredPower: watts(v) } }),
  },
  {
    name: "facility.pue", unit: "1", integer: false,
    get: (s) => s.facility.pue,
    set: (s, v) => ({ ...s, facility: { ...s.facility, pue: ratio(v) } }),
  },
  {
    name: "facility.coolingCapacity", unit: "W", integer: false,
    get: (s) => s.facility.coolingCapacity,
    set: (s, v) => ({ ...s, facility: { ...s.facility, coolingCapacity: watts(v) } }),
  },
  {
    name: "workload.concurrency", unit: "1", integer: false,
    get: (s) => s.workload.concurrency,
    set: (s, v) => ({ ...s, workload: { ...s.workload, concurrency: v } }),
  },
  {
    name: "workload.inputTokens", unit: "token", integer: false,
    get: (s) => s.workload.inputTokens,
    set: (s, v) => ({ ...s, workload: { ...s.workload, inputTokens: v } }),
    within: (s) => ({ low: s.workload.sharedPrefixTokens ?? 0, high: Number.POSITIVE_INFINITY, what: "at least workload.sharedPrefixTokens" }),
  },
  {
    name: "workload.outputTokens", unit: "token", integer: false,
    get: (s) => s.workload.outputTokens,
    set: (s, v) => ({ ...s, workload: { ...s.workload, outputTokens: v } }),
  },
  {
    name: "workload.sharedPrefixTokens", unit: "token", integer: false,
    get: (s) => s.workload.sharedPrefixTokens ?? 0,
    set: (s, v) => ({ ...s, workload: { ...s.workload, sharedPrefixTokens: v } }),
    within: (s) => ({ low: 0, high: s.workload.inputTokens, what: "at most workload.inputTokens" }),
  },
  {
    name: "accelerator.clockLock", unit: "Hz", integer: false,
    get: (s) => s.accelerator.clockLock ?? s.accelerator.clock.peak,
    set: (s, v) => ({ ...s, accelerator: { ...s.accelerator, clockLock: hertz(v) } }),
    within: (s) => ({ low: s.accelerator.clock.min, high: s.accelerator.clock.max, what: `within ${s.accelerator.id}'s clock range` }),
  },
  { name: "count", unit: "1", integer: true, get: (s) => s.count, set: (s, v) => ({ ...s, count: v, parallelism: layoutForCount(s, v) }) },
  { name: "replicas", unit: "1", integer: true, get: (s) => s.replicas, set: (s, v) => ({ ...s, replicas: v }) },
  { name: "utilization", unit: "1", integer: false, get: (s) => s.utilization, set: (s, v) => ({ ...s, utilization: ratio(v) }) },
  {
    name: "efficiency.compute", unit: "1", integer: false,
    get: (s) => s.efficiency.compute,
    set: (s, v) => ({ ...s, efficiency: { ...s.efficiency, compute: ratio(v) } }),
  },
  {
    name: "efficiency.bandwidth", unit: "1", integer: false,
    get: (s) => s.efficiency.bandwidth,
    set: (s, v) => ({ ...s, efficiency: { ...s.efficiency, bandwidth: ratio(v) } }),
  },
  {
    name: "accelerator.maxPower", unit: "W", integer: false,
    get: (s) => s.accelerator.maxPower,
    set: (s, v) => ({ ...s, accelerator: { ...s.accelerator, maxPower: watts(v) } }),
  },
  {
    name: "accelerator.memoryBandwidth", unit: "B/s", integer: false,
    get: (s) => s.accelerator.memoryBandwidth,
    set: (s, v) => ({ ...s, accelerator: { ...s.accelerator, memoryBandwidth: bytesPerSecond(v) } }),
  },
  {
    name: "accelerator.memoryCapacity", unit: "B", integer: false,
    get: (s) => s.accelerator.memoryCapacity,
    set: (s, v) => ({ ...s, accelerator: { ...s.accelerator, memoryCapacity: bytes(v) } }),
  },
  {
    // The peak at the scenario's compute precision; every precision scales together.
    name: "accelerator.peakFlopPerSecond", unit: "FLOP/s", integer: false,
    get: (s) => s.accelerator.peakFlopPerSecond[s.precision.compute === "mxfp4" ? "fp4" : s.precision.compute],
    set: (s, v) => {
      const current = s.accelerator.peakFlopPerSecond[s.precision.compute === "mxfp4" ? "fp4" : s.precision.compute] ?? 0;
      return { ...s, accelerator: { ...s.accelerator, peakFlopPerSecond: scalePeaks(s.accelerator.peakFlopPerSecond, current > 0 ? v / current : 0) } };
    },
  },
  {
    name: "targets.tpot", unit: "s", integer: false,
    get: (s) => s.targets.tpot,
    set: (s, v) => ({ ...s, targets: { ...s.targets, tpot: seconds(v) } }),
  },
  {
    name: "targets.ttft", unit: "s", integer: false,
    get: (s) => s.targets.ttft,
    set: (s, v) => ({ ...s, targets: { ...s.targets, ttft: seconds(v) } }),
  },
  {
    name: "facility.electricityPrice", unit: "USD/J", integer: false,
    get: (s) => s.facility.electricityPrice,
    set: (s, v) => ({ ...s, facility: { ...s.facility, electricityPrice: quantity(v) } }),
  },
] as const satisfies readonly Omit<Parameter, "range">[];

// Every parameter name is a path of the ranges table: this fails to compile when one is not.
const rangedNames: readonly RangePath[] = DEFINITIONS_WITHOUT_RANGES.map((p) => p.name);
void rangedNames;

const DEFINITIONS = DEFINITIONS_WITHOUT_RANGES.map((p) => ({ ...p, range: FIELD_RANGES[p.name] }));

/**
 * The name of a parameter planning can vary ("facility.deliveredPower", "workload.concurrency",
 * …): what crossover, sweep grids and uncertain take. Functions that take names from outside
 * accept `ParameterName | (string & {})`, so editors complete the names while any string is
 * still checked at run time.
 */
export type ParameterName =
  | "facility.deliveredPower"
  | "facility.pue"
  | "facility.coolingCapacity"
  | "workload.concurrency"
  | "workload.inputTokens"
  | "workload.outputTokens"
  | "workload.sharedPrefixTokens"
  | "accelerator.clockLock"
  | "count"
  | "replicas"
  | "utilization"
  | "efficiency.compute"
  | "efficiency.bandwidth"
  | "accelerator.maxPower"
  | "accelerator.memoryBandwidth"
  | "accelerator.memoryCapacity"
  | "accelerator.peakFlopPerSecond"
  | "targets.tpot"
  | "targets.ttft"
  | "facility.electricityPrice";

// The union above is written out for the docs; this fails to compile when it and the table differ.
const namesMatch: SameType<(typeof DEFINITIONS_WITHOUT_RANGES)[number]["name"], ParameterName> = true;
void namesMatch;

/** Every parameter, by name. */
export const PARAMETERS: Readonly<Record<string, Parameter>> = Object.fromEntries(DEFINITIONS.map((p) => [p.name, p]));

/** Every parameter name. */
export const PARAMETER_NAMES: readonly ParameterName[] = DEFINITIONS.map((p) => p.name);

/**
 * Whether a string names a parameter.
 * @example isParameterName("facility.pue") // true
 */
export const isParameterName = (name: string): name is ParameterName => Object.hasOwn(PARAMETERS, name);

/**
 * The problem with a value of a parameter, or undefined when it lies in the parameter's
 * documented range (the same check parseScenario makes on that field). `at` names the field
 * in the message ("range.low", "grid.facility.pue.3"); by default the parameter's name.
 * @example parameterValueProblem(PARAMETERS["facility.pue"]!, 0.5) // "facility.pue: expected a ratio in [1, 10], got 0.5"
 */
export const parameterValueProblem = (parameter: Parameter, value: unknown, at: string = parameter.name): string | undefined =>
  inRange(parameter.range, value) ? undefined : `${at}: ${expectedMessage(parameter.range, value)}`;

/**
 * The scenario's layout carried to a new accelerator count: pipeline and data degrees kept when
 * they still divide it (tensor takes the rest), an expert degree that spanned every device
 * spans the new count, one that no longer divides it falls back to 1 (with data-parallel
 * attention off); otherwise the default layout, tensor = count. A `count` value in a sweep,
 * crossover or uncertain study then evaluates what parseScenario would accept for that count.
 */
const layoutForCount = (scenario: Scenario, count: number): Parallelism => {
  const old = scenario.parallelism;
  const spansAll = old.expert === scenario.count && old.expert > 1;
  const expert = spansAll ? count : count % old.expert === 0 ? old.expert : 1;
  const data = expert > 1 && count % (old.pipeline * old.data) === 0 ? old.data : 1;
  const pipeline = count % (old.pipeline * data) === 0 ? old.pipeline : 1;
  return { tensor: count / (pipeline * data), expert, pipeline, data };
};

/**
 * The problem with a value of a parameter in a given scenario: outside its documented range
 * (parameterValueProblem), or outside the limit the scenario sets (a shared prefix longer than
 * the prompt, a clock outside the accelerator's range); undefined when parseScenario would
 * accept the scenario with that value.
 * @example scenarioValueProblem(PARAMETERS["workload.sharedPrefixTokens"]!, scenario, 1e9) // "workload.sharedPrefixTokens: expected at most workload.inputTokens …"
 */
export const scenarioValueProblem = (parameter: Parameter, scenario: Scenario, value: unknown, at: string = parameter.name): string | undefined => {
  const problem = parameterValueProblem(parameter, value, at);
  if (problem !== undefined || parameter.within === undefined || typeof value !== "number") return problem;
  const { low, high, what } = parameter.within(scenario);
  const interval = high === Number.POSITIVE_INFINITY ? `[${low}, inf)` : `[${low}, ${high}]`;
  return value >= low && value <= high ? undefined : `${at}: expected a value ${what} ${interval} ${parameter.unit}, got ${value}`;
};

import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../domain/scenario.js";
import type { Mode } from "../staves/plant.js";
import { evaluateMode } from "../tpf/evaluate.js";
import { rangeProblem } from "../domain/ranges.js";
import { PARAMETERS, PARAMETER_NAMES, scenarioValueProblem, type Parameter } from "./parameters.js";
import { planningError, type PlanningError } from "./planningError.js";
import { normalDraw, seededRandom } from "./random.js";

/** An uncertain input: an interval or a distribution (SI units of the parameter). */
export type Uncertainty =
  | {
      /** Bounds known, no distribution: corners are exact where the output is monotone. */
      readonly kind: "interval";
      /** Lowest value. */
      readonly low: number;
      /** Central value. */
      readonly mid: number;
      /** Highest value. */
      readonly high: number;
    }
  | {
      /** Uniform between low and high. */
      readonly kind: "uniform";
      /** Lowest value. */
      readonly low: number;
      /** Highest value. */
      readonly high: number;
    }
  | {
      /** Triangular distribution. */
      readonly kind: "triangular";
      /** Lowest value. */
      readonly low: number;
      /** Most likely value. */
      readonly mode: number;
      /** Highest value. */
      readonly high: number;
    }
  | {
      /** Lognormal distribution. */
      readonly kind: "lognormal";
      /** Median value. */
      readonly median: number;
      /** Standard deviation of the logarithm (1). */
      readonly sigma: number;
    };

/** What is measured: the estimate's output tokens/s, or facility J per output token. */
export type UncertainOutput = "outputTokensPerSecond" | "joulesPerOutputToken";

/** Options of uncertain(). */
export interface UncertainOptions {
  /** Monte Carlo draws (count, whole, in [1, 1e6]; default 2000). */
  readonly samples?: number;
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** Output (default outputTokensPerSecond). */
  readonly output?: UncertainOutput;
  /** Mode (default estimate). */
  readonly mode?: Mode;
}

/** How much one input alone moves the output. */
export interface Driver {
  /** Parameter name. */
  readonly parameter: string;
  /** Output at the input's low end (p5 for a distribution). */
  readonly atLow: number;
  /** Output at its high end (p95 for a distribution). */
  readonly atHigh: number;
  /** |atHigh − atLow|. */
  readonly spread: number;
}

/** The answer of uncertain(). */
export interface UncertainResult {
  /** What was measured. */
  readonly output: UncertainOutput;
  /** Output with every input at its middle (mid, mode or median). */
  readonly central: number;
  /**
   * Exact bounds from corner evaluation, when every input is bounded; `monotone` says
   * whether each input looked monotone (low, mid, high in order), which is when corners
   * are exact.
   */
  readonly interval?: {
    /** Lowest output over the corners. */
    readonly low: number;
    /** Highest output over the corners. */
    readonly high: number;
    /** Whether every input looked monotone (then the corners are exact). */
    readonly monotone: boolean;
  };
  /** Seeded Monte Carlo percentiles. */
  readonly percentiles: {
    /** 5th percentile. */
    readonly p5: number;
    /** Median. */
    readonly p50: number;
    /** 95th percentile. */
    readonly p95: number;
  };
  /** Every Monte Carlo value, in draw order. */
  readonly draws: readonly number[];
  /** Inputs ordered by how much they alone move the output. */
  readonly drivers: readonly Driver[];
}

const middle = (u: Uncertainty): number =>
  u.kind === "interval" ? u.mid : u.kind === "uniform" ? (u.low + u.high) / 2 : u.kind === "triangular" ? u.mode : u.median;

const ends = (u: Uncertainty): [number, number] =>
  u.kind === "lognormal" ? [u.median * Math.exp(-1.6449 * u.sigma), u.median * Math.exp(1.6449 * u.sigma)] : [u.low, u.high];

const draw = (u: Uncertainty, random: () => number): number => {
  switch (u.kind) {
    case "interval":
    case "uniform":
      return u.low + (u.high - u.low) * random();
    case "triangular": {
      const r = random();
      const cut = (u.mode - u.low) / (u.high - u.low || 1);
      return r < cut
        ? u.low + Math.sqrt(r * (u.high - u.low) * (u.mode - u.low))
        : u.high - Math.sqrt((1 - r) * (u.high - u.low) * (u.high - u.mode));
    }
    case "lognormal":
      return u.median * Math.exp(u.sigma * normalDraw(random));
  }
};

/** The numbers of an uncertainty that are values of the parameter (not sigma), by field. */
const valuesOf = (u: Uncertainty): [string, number][] =>
  u.kind === "interval" ? [["low", u.low], ["mid", u.mid], ["high", u.high]]
  : u.kind === "uniform" ? [["low", u.low], ["high", u.high]]
  : u.kind === "triangular" ? [["low", u.low], ["mode", u.mode], ["high", u.high]]
  : [["median", u.median]];

const invalid = (parameter: Parameter, scenario: Scenario, u: Uncertainty): string | undefined => {
  const name = parameter.name;
  // Each value must be one parseScenario accepts for the field (src/domain/ranges.ts).
  for (const [field, value] of valuesOf(u)) {
    const problem = scenarioValueProblem(parameter, scenario, value, `${name}.${field}`);
    if (problem !== undefined) return problem;
  }
  switch (u.kind) {
    case "interval": return u.low <= u.mid && u.mid <= u.high ? undefined : `${name}: expected low <= mid <= high, got ${u.low}, ${u.mid}, ${u.high}`;
    case "uniform": return u.low <= u.high ? undefined : `${name}: expected low <= high, got ${u.low}, ${u.high}`;
    case "triangular": return u.low <= u.mode && u.mode <= u.high ? undefined : `${name}: expected low <= mode <= high, got ${u.low}, ${u.mode}, ${u.high}`;
    case "lognormal": return rangeProblem("uncertain.lognormal.sigma", u.sigma, `${name}.sigma`);
  }
};

/**
 * A drawn value brought into the parameter's range: whole for whole-number parameters (count,
 * replicas), and a log-normal tail clipped at the range's ends, so every evaluated scenario is
 * one parseScenario would accept.
 */
const fitted = (parameter: Parameter, scenario: Scenario, value: number): number => {
  const { lowOpen, highOpen } = parameter.range;
  const limit = parameter.within?.(scenario);
  const low = Math.max(parameter.range.low, limit?.low ?? Number.NEGATIVE_INFINITY);
  const high = Math.min(parameter.range.high, limit?.high ?? Number.POSITIVE_INFINITY);
  let x = parameter.integer ? Math.round(value) : value;
  if (x < low || (lowOpen && x === low)) x = parameter.integer ? Math.ceil(low + (lowOpen ? 0.5 : 0)) : lowOpen ? low + Number.EPSILON * Math.max(1, Math.abs(low)) : low;
  if (x > high || (highOpen && x === high)) x = parameter.integer ? Math.floor(high - (highOpen ? 0.5 : 0)) : highOpen ? high - Number.EPSILON * Math.max(1, Math.abs(high)) : high;
  return x;
};

const percentile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;

/**
 * Propagates uncertain inputs to the rate (or J/token): exact bounds by corner evaluation
 * where every input is bounded (exact when the output is monotone in each input), seeded
 * Monte Carlo percentiles always, and the inputs that drive the spread. Every given value
 * (low, mid, mode, high, median) must lie in the parameter's documented range, the one
 * parseScenario checks; draws of whole-number parameters are rounded and log-normal tails are
 * clipped at the range's ends.
 * @example uncertain(s, { "facility.pue": { kind: "interval", low: 1.1, mid: 1.2, high: 1.4 } })
 */
export const uncertain = (
  scenario: Scenario,
  inputs: Readonly<Record<string, Uncertainty>>,
  options: UncertainOptions = {},
): E.Either<PlanningError, UncertainResult> => {
  const names = Object.keys(inputs);
  const problems = names.flatMap((name) =>
    PARAMETERS[name] === undefined
      ? [`${name}: unknown parameter; expected one of ${PARAMETER_NAMES.join(", ")}`]
      : [invalid(PARAMETERS[name], scenario, inputs[name]!)].filter((m): m is string => m !== undefined),
  );
  if (options.samples !== undefined) {
    const problem = rangeProblem("uncertain.samples", options.samples, "samples");
    if (problem !== undefined) problems.push(problem);
  }
  if (names.length === 0) problems.push("inputs: expected at least one uncertain input");
  if (names.length > 16) problems.push(`inputs: at most 16 uncertain inputs, got ${names.length}`);
  if (problems.length > 0) return E.left(planningError(problems.join("; ")));
  const output = options.output ?? "outputTokensPerSecond";
  const mode = options.mode ?? "estimate";
  const valueOf = (values: Readonly<Record<string, number>>): number => {
    let s = scenario;
    for (const name of names) {
      const parameter = PARAMETERS[name]!;
      s = parameter.set(s, fitted(parameter, scenario, values[name]!));
    }
    const r = evaluateMode(s, mode);
    return output === "outputTokensPerSecond" ? r.outputTokensPerSecond : (r.joulesPerOutputToken?.facility ?? 0);
  };
  const mids = Object.fromEntries(names.map((n) => [n, middle(inputs[n]!)]));
  const central = valueOf(mids);

  const drivers = names
    .map((name) => {
      const [low, high] = ends(inputs[name]!);
      const atLow = valueOf({ ...mids, [name]: low });
      const atHigh = valueOf({ ...mids, [name]: high });
      const monotone = (atLow <= central && central <= atHigh) || (atHigh <= central && central <= atLow);
      return { parameter: name, atLow, atHigh, spread: Math.abs(atHigh - atLow), monotone };
    })
    .sort((a, b) => b.spread - a.spread);

  let interval: UncertainResult["interval"];
  if (names.every((n) => inputs[n]!.kind !== "lognormal")) {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let corner = 0; corner < 2 ** names.length; corner++) {
      const values = Object.fromEntries(names.map((n, i) => [n, ends(inputs[n]!)[(corner >> i) & 1]!]));
      const v = valueOf(values);
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    interval = { low, high, monotone: drivers.every((d) => d.monotone) };
  }

  const random = seededRandom(options.seed ?? 1);
  const samples = options.samples ?? 2000;
  const draws: number[] = [];
  for (let i = 0; i < samples; i++) {
    draws.push(valueOf(Object.fromEntries(names.map((n) => [n, draw(inputs[n]!, random)]))));
  }
  const sorted = [...draws].sort((a, b) => a - b);
  return E.right({
    output,
    central,
    ...(interval === undefined ? {} : { interval }),
    percentiles: { p5: percentile(sorted, 0.05), p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) },
    draws,
    drivers: drivers.map(({ monotone: _m, ...d }) => d),
  });
};

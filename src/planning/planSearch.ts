import * as E from "fp-ts/lib/Either.js";
import { peakFlopPerSecondAt } from "../catalog/accelerators.js";
import { layoutProblems } from "../domain/layoutRules.js";
import { PRECISIONS, type Precision, type PrecisionSet } from "../domain/precision.js";
import { rangeProblem } from "../domain/ranges.js";
import type { Parallelism, Scenario } from "../domain/scenario.js";
import { quantization } from "../levers/quantization.js";
import { paretoFront } from "./pareto.js";
import { sizeOption, targetProblem, type PlannedDeployment, type PlanTarget } from "./plan.js";
import { planningError, type PlanningError } from "./planningError.js";

/** The knobs planSearch varies, each a list of values to try. */
export interface PlanSearchOptions {
  /** Accelerators per replica to try (count, whole; default 1, 2, 4, 8). */
  readonly counts?: readonly number[];
  /** Weight and tensor-core formats to try (default bf16, fp8, fp4); a format the accelerator has no tensor cores for is skipped. */
  readonly precisions?: readonly Precision[];
  /** Requests in flight per replica to try (count; default 16, 32, 64, 128, 256). */
  readonly concurrencies?: readonly number[];
  /** "search": every valid tensor / pipeline / expert layout of each count (default); "keep": tensor = count. */
  readonly parallelism?: "search" | "keep";
  /** A label per scenario (same order), naming it in the rows; default "B200 · llama-3.1-70b". */
  readonly labels?: readonly string[];
}

/** One candidate: a scenario with its knobs chosen, sized for the target, priced, checked against the site. */
export interface SearchCandidate extends PlannedDeployment {
  /** Model id. */
  readonly model: string;
  /** The layout of each replica. */
  readonly parallelism: Parallelism;
  /** Weights, KV-cache and tensor-core formats. */
  readonly precision: PrecisionSet;
  /** Requests in flight per replica (count). */
  readonly concurrency: number;
  /** Cost per million output tokens: USD/h ÷ (output tokens/h) × 1e6 (USD per 1e6 tokens). */
  readonly usdPerMillionTokens: number;
  /** Energy at the meter per output token: meter power ÷ output tokens/s (J/token). */
  readonly joulesPerOutputToken: number;
}

/** The answer of planSearch. */
export interface PlanSearch {
  /** The target asked for. */
  readonly target: PlanTarget;
  /** Candidates evaluated (count). */
  readonly evaluated: number;
  /** Candidates that meet the targets and fit the site (count). */
  readonly feasible: number;
  /** The cost/energy Pareto set: feasible candidates no other beats on both USD per M tokens and J/token, cheapest first. */
  readonly pareto: readonly SearchCandidate[];
  /** Every candidate, in search order (feasible or not, with the reason). */
  readonly candidates: readonly SearchCandidate[];
}

const DEFAULT_COUNTS = [1, 2, 4, 8] as const;
const DEFAULT_PRECISIONS: readonly Precision[] = ["bf16", "fp8", "fp4"];
const DEFAULT_CONCURRENCIES = [16, 32, 64, 128, 256] as const;
/** Candidates at most (count): a search past this is refused instead of running for minutes. */
export const MAX_SEARCH_CANDIDATES = 20_000;

/** The divisors of n, ascending, by trial division up to √n (counts may be large). */
const divisors = (n: number): number[] => {
  const low: number[] = [];
  const high: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    low.push(d);
    if (d * d !== n) high.unshift(n / d);
  }
  return [...low, ...high];
};

/**
 * The layouts tried for a count: every pipeline depth p dividing it with tensor = count / p;
 * for an MoE model also each of those with the experts spread over all `count` devices, and
 * data-parallel attention (tensor 1, data = expert = count). Only layouts layoutProblems
 * accepts are kept.
 */
const layouts = (scenario: Scenario, count: number, how: "search" | "keep"): Parallelism[] => {
  if (how === "keep") return [{ tensor: count, expert: 1, pipeline: 1, data: 1 }];
  const candidates: Parallelism[] = [];
  for (const pipeline of divisors(count)) {
    const tensor = count / pipeline;
    candidates.push({ tensor, expert: 1, pipeline, data: 1 });
    if (scenario.model.experts !== undefined && count > 1) candidates.push({ tensor, expert: count, pipeline, data: 1 });
  }
  if (scenario.model.experts !== undefined && count > 1) candidates.push({ tensor: 1, expert: count, pipeline: 1, data: count });
  return candidates.filter((layout) => layoutProblems(layout, count, scenario.model).length === 0);
};

/** The first knob value outside its documented range (the range parseScenario checks), or undefined. */
const knobProblem = (options: PlanSearchOptions): string | undefined => {
  for (const [i, count] of (options.counts ?? []).entries()) {
    const problem = rangeProblem("count", count, `counts.${i}`);
    if (problem !== undefined) return problem;
  }
  for (const [i, concurrency] of (options.concurrencies ?? []).entries()) {
    const problem = rangeProblem("workload.concurrency", concurrency, `concurrencies.${i}`);
    if (problem !== undefined) return problem;
  }
  for (const [i, precision] of (options.precisions ?? []).entries()) {
    if (!(PRECISIONS as readonly string[]).includes(precision)) return `precisions.${i}: expected one of ${PRECISIONS.join(", ")}, got ${JSON.stringify(precision)}`;
  }
  for (const [name, list] of [["counts", options.counts], ["concurrencies", options.concurrencies], ["precisions", options.precisions]] as const) {
    if (list !== undefined && list.length === 0) return `${name}: expected at least one value`;
  }
  if (options.parallelism !== undefined && options.parallelism !== "search" && options.parallelism !== "keep") {
    return `parallelism: expected "search" or "keep", got ${JSON.stringify(options.parallelism)}`;
  }
  return undefined;
};

/**
 * Why a sized candidate does not fit the site's delivered power or cooling, or undefined: with
 * the site's limits the same replicas no longer deliver the sized rate (see plan's fitsSite).
 */
const siteProblem = (scenario: Scenario, sized: PlannedDeployment): string | undefined => {
  if (sized.fitsSite !== false) return undefined;
  const { deliveredPower, coolingCapacity } = scenario.facility;
  const limits = [
    deliveredPower === undefined ? "" : `${(deliveredPower / 1e6).toFixed(3)} MW delivered`,
    coolingCapacity === undefined ? "" : `${(coolingCapacity / 1e6).toFixed(3)} MW of cooling`,
  ].filter((t) => t !== "").join(", ");
  return `the site (${limits}) cannot run its ${sized.accelerators} accelerators at full load (${(sized.meterPower / 1e6).toFixed(3)} MW average at the meter)`;
};

const candidateOf = (
  variant: Scenario,
  target: PlanTarget,
  index: number,
  label: string,
  qualityProblem: string | undefined,
  site: Scenario,
): SearchCandidate => {
  const sized = sizeOption(variant, target, index, label);
  const problem = qualityProblem ?? (sized.feasible ? siteProblem(site, sized) : undefined);
  const knobs = {
    model: variant.model.id,
    parallelism: variant.parallelism,
    precision: variant.precision,
    concurrency: variant.workload.concurrency,
  };
  const perHourTokens = sized.outputTokensPerSecond * 3600;
  const feasible = sized.feasible && problem === undefined;
  return {
    ...sized,
    ...knobs,
    ...(feasible ? {} : { feasible: false, reason: sized.reason ?? problem ?? "infeasible" }),
    usdPerMillionTokens: feasible && perHourTokens > 0 ? (sized.usdPerHour.total / perHourTokens) * 1e6 : 0,
    joulesPerOutputToken: feasible && sized.outputTokensPerSecond > 0 ? sized.meterPower / sized.outputTokensPerSecond : 0,
  };
};

/**
 * Searches, for each scenario, accelerators per replica × layout (tensor / pipeline / expert
 * where the model allows) × weight-and-compute format × concurrency, sizes every candidate for
 * the target under the scenario's latency targets and quality floor (a format's quality change
 * is the quantization lever's), keeps those that fit the site's delivered power and cooling,
 * and returns the cost/energy Pareto set: the candidates no other beats on both USD per million
 * output tokens and J per output token at the meter. Each row names its scenario (index, label)
 * and its knobs. Knob values are checked against the ranges parseScenario uses.
 * @example planSearch([scenario], { outputTokensPerSecond: 2e6 }, { precisions: ["fp8", "fp4"] })
 */
export const planSearch = (
  scenarios: readonly Scenario[],
  target: PlanTarget,
  options: PlanSearchOptions = {},
): E.Either<PlanningError, PlanSearch> => {
  const problem = targetProblem(target) ?? knobProblem(options);
  if (problem !== undefined) return E.left(planningError(problem));
  if (scenarios.length === 0) return E.left(planningError("scenarios: expected at least one scenario"));
  const counts = options.counts ?? DEFAULT_COUNTS;
  const precisions = options.precisions ?? DEFAULT_PRECISIONS;
  const concurrencies = options.concurrencies ?? DEFAULT_CONCURRENCIES;
  const how = options.parallelism ?? "search";
  const upperBound = scenarios.length * counts.length * precisions.length * concurrencies.length * Math.max(...counts.map((c) => divisors(c).length * 2 + 1));
  if (upperBound > MAX_SEARCH_CANDIDATES) {
    return E.left(planningError(`search: up to ${upperBound} candidates, more than ${MAX_SEARCH_CANDIDATES}; give fewer counts, precisions or concurrencies`));
  }
  const candidates: SearchCandidate[] = [];
  scenarios.forEach((scenario, index) => {
    const name = options.labels?.[index] ?? `${scenario.accelerator.id} · ${scenario.model.id}`;
    for (const precision of precisions) {
      // Weights and tensor cores in the format; the KV cache keeps the scenario's.
      if (peakFlopPerSecondAt(scenario.accelerator, precision) === undefined) continue;
      const quantized = quantization({ weights: precision, compute: precision }).apply(scenario);
      if (E.isLeft(quantized)) continue;
      const floor = scenario.targets.qualityFloor;
      const quality = quantized.right.quality;
      const qualityProblem = floor !== undefined && quality < floor ? `quality ${quality.toFixed(3)} with ${precision} weights is below the floor ${floor}` : undefined;
      for (const count of counts) {
        for (const parallelism of layouts(scenario, count, how)) {
          for (const concurrency of concurrencies) {
            const variant: Scenario = { ...quantized.right, count, parallelism, workload: { ...quantized.right.workload, concurrency } };
            const layout = `TP${parallelism.tensor}${parallelism.pipeline > 1 ? ` PP${parallelism.pipeline}` : ""}${parallelism.expert > 1 ? ` EP${parallelism.expert}` : ""}${parallelism.data > 1 ? ` DP${parallelism.data}` : ""}`;
            const label = `${name} | ×${count} ${layout} ${precision} | concurrency ${concurrency}`;
            candidates.push(candidateOf(variant, target, index, label, qualityProblem, scenario));
          }
        }
      }
    }
  });
  const feasible = candidates.filter((c) => c.feasible);
  const front = paretoFront(feasible, (c) => [c.usdPerMillionTokens, c.joulesPerOutputToken]);
  const pareto = [...front].sort((a, b) => a.usdPerMillionTokens - b.usdPerMillionTokens || a.joulesPerOutputToken - b.joulesPerOutputToken);
  return E.right({ target, evaluated: candidates.length, feasible: feasible.length, pareto, candidates });
};

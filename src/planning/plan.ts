import * as E from "fp-ts/lib/Either.js";
import { rangeProblem } from "../domain/ranges.js";
import type { Scenario } from "../domain/scenario.js";
import type { StaveName } from "../staves/plant.js";
import { evaluate } from "../tpf/evaluate.js";
import type { ModeResult } from "../tpf/result.js";
import { planningError, type PlanningError } from "./planningError.js";
import { sizeReplicas } from "./sizeReplicas.js";

/** What the deployment must deliver: output tokens/s or requests/s (one of them). */
export interface PlanTarget {
  /** Target output tokens/s. */
  readonly outputTokensPerSecond?: number;
  /** Target requests/s. */
  readonly requestsPerSecond?: number;
}

/** One sized option. Powers are averages at the scenario's utilization. */
export interface PlannedDeployment {
  /** Position of the option's scenario in plan()'s `options` (count, from 0). */
  readonly index: number;
  /** The option's scenario: its label from PlanOptions, else "H100-SXM ×8 · llama-3.1-70b fp8". */
  readonly label: string;
  /** Accelerator id of the option. */
  readonly accelerator: string;
  /** Accelerators per replica (count). */
  readonly count: number;
  /** Replicas needed (count). */
  readonly replicas: number;
  /** Accelerators in all (count). */
  readonly accelerators: number;
  /** Nodes (count), at the facility's accelerators per node. */
  readonly nodes: number;
  /** Output tokens/s the sized deployment delivers (estimate, U applied). */
  readonly outputTokensPerSecond: number;
  /** Stave that binds each replica. */
  readonly binding: StaveName;
  /** Average IT power (W). */
  readonly itPower: number;
  /** Average power at the meter, IT × PUE (W). */
  readonly meterPower: number;
  /** USD per hour: energy at the meter and accelerator-hours. */
  readonly usdPerHour: {
    /** Electricity at the meter (USD/h). */
    readonly energy: number;
    /** Accelerator-hours at the scenario's price (USD/h). */
    readonly accelerators: number;
    /** Their sum (USD/h). */
    readonly total: number;
  };
  /** Whether one replica can serve at all (fits, meets the targets). */
  readonly feasible: boolean;
  /**
   * Whether the sized deployment fits the scenario's own site: with its delivered power and
   * cooling it still runs at the sized rate (neither site stave binds at full load). Absent
   * when the scenario names neither limit (or nothing was sized). plan() sizes the site, so
   * it does not drop a row that does not fit; planSearch() does.
   */
  readonly fitsSite?: boolean;
  /** Why not. */
  readonly reason?: string;
}

/** The plan: every option sized, cheapest feasible first. */
export interface Plan {
  /** The target asked for. */
  readonly target: PlanTarget;
  /** Every option, cheapest feasible first. */
  readonly options: readonly PlannedDeployment[];
  /** The cheapest feasible option, if any. */
  readonly cheapest?: PlannedDeployment;
}

/**
 * The problem with a plan target, or undefined: exactly one rate, in its documented range
 * (src/domain/ranges.ts, "plan.target.*"). plan() and planSearch() check the same.
 * @example targetProblem({ outputTokensPerSecond: -1 }) // "target.outputTokensPerSecond: expected a rate in (0, 1e15] token/s, got -1"
 */
export const targetProblem = (target: PlanTarget): string | undefined => {
  const given = [target.outputTokensPerSecond, target.requestsPerSecond].filter((v) => v !== undefined);
  if (given.length !== 1) return "target: expected exactly one of outputTokensPerSecond, requestsPerSecond";
  return target.outputTokensPerSecond !== undefined
    ? rangeProblem("plan.target.outputTokensPerSecond", target.outputTokensPerSecond, "target.outputTokensPerSecond")
    : rangeProblem("plan.target.requestsPerSecond", target.requestsPerSecond, "target.requestsPerSecond");
};

const siteless = (scenario: Scenario, replicas: number): Scenario => {
  const { deliveredPower: _p, coolingCapacity: _c, ...facility } = scenario.facility;
  return { ...scenario, replicas, facility };
};

/** Options of plan(). */
export interface PlanOptions {
  /** A label per scenario (same order as the options), naming it in the rows. */
  readonly labels?: readonly string[];
}

/**
 * A short label of a scenario: accelerator, count, model and weight format.
 * @example scenarioLabel(scenario) // "H100-SXM ×8 · llama-3.1-70b fp8"
 */
export const scenarioLabel = (scenario: Scenario): string =>
  `${scenario.accelerator.id} ×${scenario.count} · ${scenario.model.id} ${scenario.precision.weights}`;

/**
 * One option sized for a target: the fewest replicas of the scenario (its site limits dropped)
 * that deliver it, with their accelerators, nodes, power and hourly cost; infeasible with the
 * reason when one replica cannot serve. plan() and planSearch() size each candidate with it.
 * The target must already be checked (targetProblem).
 * @example sizeOption(scenario, { outputTokensPerSecond: 1e6 }, 0, "H100-SXM ×8").replicas
 */
export const sizeOption = (scenario: Scenario, target: PlanTarget, index: number, label: string): PlannedDeployment => {
  const one = evaluate(siteless(scenario, 1)).estimate;
  const perReplica =
    target.outputTokensPerSecond !== undefined ? one.outputTokensPerSecond : one.requestsPerSecond;
  const wanted = target.outputTokensPerSecond ?? target.requestsPerSecond ?? 0;
  const base = { index, label, accelerator: scenario.accelerator.id, count: scenario.count, binding: one.binding };
  const unsized = (reason: string): PlannedDeployment => ({
    ...base, replicas: 0, accelerators: 0, nodes: 0, outputTokensPerSecond: 0, itPower: 0, meterPower: 0,
    usdPerHour: { energy: 0, accelerators: 0, total: 0 }, feasible: false, reason,
  });
  if (!one.feasible || !(perReplica > 0)) return unsized(one.infeasibleReason ?? "no output");
  // Every stave scales with replicas, so the rate is linear in them: n = ⌈target / per-replica⌉;
  // sizeReplicas checks it forward and gives up (instead of looping) if it is not.
  const rateOf = (r: ModeResult) => (target.outputTokensPerSecond !== undefined ? r.outputTokensPerSecond : r.requestsPerSecond);
  const sizing = sizeReplicas((n) => rateOf(evaluate(siteless(scenario, n)).estimate), wanted, perReplica);
  if (!sizing.converged) {
    return unsized(`sizing did not converge: ${sizing.replicas} replicas deliver ${sizing.rate} of ${wanted} (the rate does not grow in proportion to replicas)`);
  }
  const replicas = sizing.replicas;
  const sized = evaluate(siteless(scenario, replicas)).estimate;
  const accelerators = replicas * scenario.count;
  const hours = accelerators * scenario.facility.acceleratorHourPrice * 3600;
  const energy = sized.averagePower.facility * scenario.facility.electricityPrice * 3600;
  return {
    ...base,
    replicas,
    accelerators,
    nodes: Math.ceil(accelerators / scenario.facility.acceleratorsPerNode),
    outputTokensPerSecond: sized.outputTokensPerSecond,
    itPower: sized.averagePower.it,
    meterPower: sized.averagePower.facility,
    usdPerHour: { energy, accelerators: hours, total: energy + hours },
    feasible: true,
    ...siteFit(scenario, replicas, sized.outputTokensPerSecond),
  };
};

/**
 * `fitsSite` of a sized deployment: the same replicas evaluated with the site's limits deliver
 * the sized rate, i.e. neither facility power nor cooling binds. The site staves hold the
 * full-load draw, not the average at U, so comparing average power would pass a plant the
 * site cannot run flat out.
 */
const siteFit = (scenario: Scenario, replicas: number, sizedRate: number): { fitsSite?: boolean } => {
  const { deliveredPower, coolingCapacity } = scenario.facility;
  if (deliveredPower === undefined && coolingCapacity === undefined) return {};
  const withSite = evaluate({ ...scenario, replicas }).estimate.outputTokensPerSecond;
  return { fitsSite: withSite >= sizedRate * (1 - 1e-9) };
};

/**
 * Inverse question: how many accelerators (replicas of `count`), nodes and MW at the meter
 * each option needs to deliver the target under its latency targets, and which is cheapest
 * (energy + accelerator-hours). The site's own delivered-power and cooling limits are
 * dropped: the plan sizes the site. The result is checked forward: the planned replicas meet
 * the target and one replica fewer does not. Each option is priced at its scenario's
 * facility.acceleratorHourPrice (parseScenario sets the catalog's price for the accelerator
 * unless the scenario gives one) and names its scenario (index, label).
 * @example plan([scenario], { outputTokensPerSecond: 1e6 })
 */
export const plan = (options: readonly Scenario[], target: PlanTarget, planOptions: PlanOptions = {}): E.Either<PlanningError, Plan> => {
  const problem = targetProblem(target);
  if (problem !== undefined) return E.left(planningError(problem));
  if (options.length === 0) return E.left(planningError("options: expected at least one scenario"));
  const sized = options.map((scenario, index) => sizeOption(scenario, target, index, planOptions.labels?.[index] ?? scenarioLabel(scenario)));
  const ordered = [...sized].sort((a, b) =>
    a.feasible !== b.feasible ? (a.feasible ? -1 : 1) : a.usdPerHour.total - b.usdPerHour.total,
  );
  const cheapest = ordered.find((o) => o.feasible);
  return E.right({ target, options: ordered, ...(cheapest === undefined ? {} : { cheapest }) });
};

/** What a site produces over a day and a year at its estimate operating point. */
export interface SiteOutput {
  /** Target output tokens/s. */
  readonly outputTokensPerSecond: number;
  /** Output tokens per day (tokens). */
  readonly outputTokensPerDay: number;
  /** Output tokens per 365-day year (tokens). */
  readonly outputTokensPerYear: number;
  /** Energy at the meter per year (J). */
  readonly facilityEnergyPerYear: number;
  /** Binding stave. */
  readonly binding: StaveName;
}

const SECONDS_PER_DAY = 86_400;
const SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY;

/**
 * Tokens per day and per year of a given site (its delivered power, cooling, replicas), at
 * the estimate operating point.
 * @example siteOutput(scenario).outputTokensPerYear
 */
export const siteOutput = (scenario: Scenario): SiteOutput => {
  const estimate = evaluate(scenario).estimate;
  // When the site binds, only part of the plant runs: energy follows the tokens.
  const facilityJoules = estimate.joulesPerOutputToken?.facility ?? 0;
  return {
    outputTokensPerSecond: estimate.outputTokensPerSecond,
    outputTokensPerDay: estimate.outputTokensPerSecond * SECONDS_PER_DAY,
    outputTokensPerYear: estimate.outputTokensPerSecond * SECONDS_PER_YEAR,
    facilityEnergyPerYear: estimate.outputTokensPerSecond * facilityJoules * SECONDS_PER_YEAR,
    binding: estimate.binding,
  };
};

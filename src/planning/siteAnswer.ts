import type { Scenario } from "../domain/scenario.js";
import type { StaveName } from "../staves/plant.js";
import { evaluate } from "../tpf/evaluate.js";
import type { CostPerMillionTokens, ModeResult, Scoped } from "../tpf/result.js";
import {
  quantity,
  ratio,
  type FlopPerSecond,
  type GramsCo2e,
  type GramsCo2ePerOutputToken,
  type JoulesPerOutputToken,
  type OutputTokens,
  type OutputTokensPerSecond,
  type Ratio,
  type Requests,
  type RequestsPerSecond,
  type TotalTokensPerSecond,
  type Usd,
  type Watts,
} from "../units/index.js";

/**
 * Where the replica count of a site answer comes from: `"fill-site"` puts in as many whole
 * replicas as the site's delivered power and cooling can feed at their operating point;
 * `"scenario"` takes the scenario's own `replicas` field (default 1).
 */
export type ReplicaSource = "fill-site" | "scenario";

/**
 * Where a scenario document's site answer takes its replicas: `"scenario"` when the document
 * names `replicas`, else `"fill-site"`. The explorer and the CLI table decide with it alike.
 * @example replicaSourceOf({ accelerator: "H100-SXM", replicas: 3 }) // "scenario"
 */
export const replicaSourceOf = (document: unknown): ReplicaSource =>
  typeof document === "object" && document !== null && (document as { readonly replicas?: unknown }).replicas !== undefined ? "scenario" : "fill-site";

/** Options of siteAnswer. */
export interface SiteAnswerOptions {
  /**
   * How many replicas the site runs. Default `"fill-site"`; a site without a delivered-power
   * or cooling limit has nothing to fill and always takes `"scenario"`. Pass `"scenario"` when
   * the scenario document names its `replicas`.
   */
  readonly replicas?: ReplicaSource;
}

/** USD per day at the site, energy and accelerator-hours apart. */
export interface CostPerDay {
  /** Facility energy × electricity price (USD/day). */
  readonly energy: Usd;
  /** Accelerator-hours × hourly price (USD/day). */
  readonly acceleratorHours: Usd;
  /** Their sum (USD/day). */
  readonly total: Usd;
}

/**
 * The site-level answer: what the whole site (all its replicas) produces, draws, emits and
 * costs, at the estimate operating point with utilization U applied. Per day = per second ×
 * 86,400 s (a day of operation at the average rate).
 */
export interface SiteAnswer {
  /** How the replica count was chosen. */
  readonly replicaSource: ReplicaSource;
  /** Model replicas the site runs (count). */
  readonly replicas: number;
  /** Accelerators in all: replicas × accelerators per replica (count). */
  readonly accelerators: number;
  /** False when the plant produces nothing (nothing fits, or no batch meets the targets). */
  readonly feasible: boolean;
  /** True when the site's delivered power or cooling binds (the plant is not fully fed). */
  readonly siteBound: boolean;
  /**
   * Output tokens/s the site's power and cooling could feed, with enough replicas: the lowest
   * site stave (output tokens/s, before U); absent when the site has no power or cooling limit.
   */
  readonly siteCeiling?: OutputTokensPerSecond;
  /** The estimate of one replica alone at this site (what `tpf evaluate` prints without `replicas`). */
  readonly perReplica: ModeResult;
  /** The estimate of the whole site: `evaluate` with `replicas` set. */
  readonly site: ModeResult;
  /** Site output tokens/s (U applied). */
  readonly outputTokensPerSecond: OutputTokensPerSecond;
  /** Site output tokens in one day (tokens/day). */
  readonly outputTokensPerDay: OutputTokens;
  /** Site input + output tokens/s. */
  readonly totalTokensPerSecond: TotalTokensPerSecond;
  /** Site requests/s. */
  readonly requestsPerSecond: RequestsPerSecond;
  /** Site requests in one day (requests/day). */
  readonly requestsPerDay: Requests;
  /** The stave that binds the site. */
  readonly binding: StaveName;
  /** Each stave's ceiling ÷ the binding one, at the site (1). */
  readonly slack: Readonly<Partial<Record<StaveName, number>>>;
  /** K_eff of the whole site: replicas × N × peak × η_c (FLOP/s). */
  readonly effectiveCompute: FlopPerSecond;
  /** Average power at U, by scope (W). */
  readonly averagePower: Scoped<Watts>;
  /** Average facility power ÷ delivered power (1); absent without a delivered-power figure. */
  readonly deliveredPowerUsed?: Ratio;
  /** Facility J per output token, amortized at U; null when nothing is produced. */
  readonly joulesPerOutputToken: JoulesPerOutputToken | null;
  /** Grams CO2e per output token (facility energy × grid intensity); null when nothing is produced. */
  readonly gramsCo2ePerOutputToken: GramsCo2ePerOutputToken | null;
  /** Grams CO2e emitted per day (gCO2e/day), on the facility's carbon basis. */
  readonly gramsCo2ePerDay: GramsCo2e;
  /** USD per million output tokens; null when nothing is produced. */
  readonly usdPerMillionOutputTokens: CostPerMillionTokens | null;
  /** USD per day. */
  readonly usdPerDay: CostPerDay;
}

/** Seconds in a day (s). */
const SECONDS_PER_DAY = 86_400;

/** Guard on the replica search's steps: the first guess is within a few host nodes of the answer. */
const MAX_STEPS = 10_000;

/** The schema's largest replica count. */
const MAX_REPLICAS = 1e9;

const SITE_STAVES: readonly StaveName[] = ["facility-power", "cooling"];

const lowest = (result: ModeResult, site: boolean): number => {
  let low = Number.POSITIVE_INFINITY;
  for (const [stave, ceiling] of Object.entries(result.ceilings) as [StaveName, number][]) {
    if (SITE_STAVES.includes(stave) === site && ceiling < low) low = ceiling;
  }
  return low;
};

/** The site binds when its lowest stave lies below the plant's lowest one. */
const siteBinds = (result: ModeResult): boolean => lowest(result, true) < lowest(result, false);

const estimateAt = (scenario: Scenario, replicas: number): ModeResult =>
  evaluate({ ...scenario, replicas }).estimate;

/**
 * The largest replica count whose plant the site still feeds fully (at least 1; 1 when the
 * plant produces nothing, since no count of such replicas fills anything). The site
 * staves are (P_delivered / PUE) / e_IT and cooling / e_IT, almost independent of the replica
 * count, while the plant staves grow linearly with it, so n ≈ ⌊site ceiling / one replica's
 * plant ceiling⌋; host power rounds up per node, so the guess is checked and stepped.
 */
const fillingReplicas = (scenario: Scenario, one: ModeResult): number => {
  const plantOne = lowest(one, false);
  const siteOne = lowest(one, true);
  if (!one.feasible || !(plantOne > 0) || !Number.isFinite(siteOne)) return 1;
  let n = Math.min(MAX_REPLICAS, Math.max(1, Math.floor(siteOne / plantOne)));
  let steps = 0;
  while (n > 1 && siteBinds(estimateAt(scenario, n)) && steps++ < MAX_STEPS) n -= 1;
  while (n < MAX_REPLICAS && !siteBinds(estimateAt(scenario, n + 1)) && steps++ < MAX_STEPS) n += 1;
  return n;
};

/**
 * Site-level answers from one evaluation: how many replicas fill the site (or the scenario's
 * own replica count), and what the whole site then produces (output tokens/s and per day,
 * requests/s), which stave binds it and the slack of the others, its K_eff, average power,
 * carbon and cost. Built only on `evaluate`'s result fields, so the page and the CLI table
 * answer with the same numbers.
 *
 *   replicas (fill-site) = the largest n ≥ 1 whose site is not bound by facility power or
 *                          cooling (n + 1 would be);
 *   tokens/day = Q̇_site · 86,400 s;  gCO2e/day = g/token · tokens/day;
 *   USD/day = USD/Mtoken · tokens/day / 10⁶.
 * @example siteAnswer(scenario).outputTokensPerDay // tokens per day of a 1 MW site
 */
export const siteAnswer = (scenario: Scenario, options: SiteAnswerOptions = {}): SiteAnswer => {
  const perReplica = estimateAt(scenario, 1);
  const hasSite = scenario.facility.deliveredPower !== undefined || scenario.facility.coolingCapacity !== undefined;
  // Without a power or cooling limit there is nothing to fill: the scenario's count stands.
  const replicaSource: ReplicaSource = hasSite ? (options.replicas ?? "fill-site") : "scenario";
  const replicas = replicaSource === "fill-site" ? fillingReplicas(scenario, perReplica) : scenario.replicas;
  const site = replicas === 1 ? perReplica : estimateAt(scenario, replicas);
  const rate = site.outputTokensPerSecond;
  const tokensPerDay = rate * SECONDS_PER_DAY;
  const perMillion = site.usdPerMillionOutputTokens;
  const costPerDay = (usdPerMillion: number): Usd => quantity<Usd>((usdPerMillion * tokensPerDay) / 1e6);
  const siteCeiling = lowest(site, true);
  const delivered = scenario.facility.deliveredPower;
  return {
    replicaSource,
    replicas,
    accelerators: replicas * scenario.count,
    feasible: site.feasible,
    siteBound: siteBinds(site),
    ...(Number.isFinite(siteCeiling) ? { siteCeiling: quantity<OutputTokensPerSecond>(siteCeiling) } : {}),
    perReplica,
    site,
    outputTokensPerSecond: rate,
    outputTokensPerDay: quantity<OutputTokens>(tokensPerDay),
    totalTokensPerSecond: site.totalTokensPerSecond,
    requestsPerSecond: site.requestsPerSecond,
    requestsPerDay: quantity<Requests>(site.requestsPerSecond * SECONDS_PER_DAY),
    binding: site.binding,
    slack: site.slack,
    effectiveCompute: site.paperForm.effectiveCompute,
    averagePower: site.averagePower,
    ...(delivered === undefined ? {} : { deliveredPowerUsed: ratio(site.averagePower.facility / delivered) }),
    joulesPerOutputToken: site.joulesPerOutputToken?.facility ?? null,
    gramsCo2ePerOutputToken: site.gramsCo2ePerOutputToken,
    gramsCo2ePerDay: quantity<GramsCo2e>((site.gramsCo2ePerOutputToken ?? 0) * tokensPerDay),
    usdPerMillionOutputTokens: perMillion,
    usdPerDay: {
      energy: costPerDay(perMillion?.energy ?? 0),
      acceleratorHours: costPerDay(perMillion?.acceleratorHours ?? 0),
      total: costPerDay(perMillion?.total ?? 0),
    },
  };
};

import type { Ratio, Seconds } from "../units/index.js";
import type { Accelerator } from "./accelerator.js";
import type { Facility } from "./facility.js";
import type { Model } from "./model.js";
import type { PrecisionSet } from "./precision.js";
import type { Workload } from "./workload.js";

/** Service and quality targets (s*, q*). */
export interface Targets {
  /** Time-to-first-token target (s). */
  readonly ttft?: Seconds;
  /** Time-per-output-token target (s). */
  readonly tpot?: Seconds;
  /** Quality floor q* on the model's quality scale (1); used by lever comparison. */
  readonly qualityFloor?: number;
}

/** Achievable fractions of peak, used by the estimate (the bound takes 1). */
export interface Efficiency {
  /** Achievable fraction of dense peak FLOP/s, η_c (1). */
  readonly compute: Ratio;
  /** Achievable fraction of peak memory bandwidth, η_m (1). */
  readonly bandwidth: Ratio;
  /** Fraction of memory usable for weights and KV cache (1); vLLM's default is 0.9. */
  readonly memory: Ratio;
  /**
   * Fixed time every decode step costs besides its FLOP and bytes: scheduling, kernel
   * launches, sampling (s). Charged to the memory-bandwidth stave, where small batches live.
   */
  readonly stepOverhead: Seconds;
  /**
   * Host time per sequence per decode step (sampling, detokenization, scheduling), which
   * caps a replica at 1/t₁ output tokens/s however fast the device (s). Charged like t₀.
   */
  readonly sequenceOverhead: Seconds;
}

/** Speculative decoding: a draft model proposes, the target verifies k + 1 positions per step. */
export interface SpeculativeDecoding {
  /** Probability that the target accepts one drafted token, α (1, in [0, 1]). */
  readonly acceptanceRate: Ratio;
  /** Drafted tokens per verification step, k (count). */
  readonly draftLength: number;
  /** The draft model, served on the same accelerators. */
  readonly draftModel: Model;
}

/** Routing: a share of requests served by a second model on the same plant. */
export interface Routing {
  /** Share of requests sent to the second model (1, in [0, 1]). */
  readonly share: Ratio;
  /** The second model. */
  readonly model: Model;
  /** Its precisions. */
  readonly precision: PrecisionSet;
  /** Its quality on the scenario's quality scale (1). */
  readonly quality: number;
}

/** A fully resolved scenario: every catalog id looked up, every default filled in. */
export interface Scenario {
  /** The accelerator. */
  readonly accelerator: Accelerator;
  /** Accelerators serving one model replica together (count). */
  readonly count: number;
  /** Independent model replicas, each on `count` accelerators (count). */
  readonly replicas: number;
  /** The model. */
  readonly model: Model;
  /** Weights, KV and compute precisions. */
  readonly precision: PrecisionSet;
  /** The workload. */
  readonly workload: Workload;
  /** The site. */
  readonly facility: Facility;
  /** s* and q*. */
  readonly targets: Targets;
  /** Estimate-mode efficiencies. */
  readonly efficiency: Efficiency;
  /** Utilization U: share of time the plant serves at its operating point (1). */
  readonly utilization: Ratio;
  /** Quality of the served model on the user's scale (1); levers add their Δq. Default 1. */
  readonly quality: number;
  /** Speculative decoding, if used. */
  readonly speculative?: SpeculativeDecoding;
  /** Routing to a second model, if used. */
  readonly routing?: Routing;
}

import { outputTokensPerSecond, type OutputTokensPerSecond } from "../units/index.js";
import { outputTokensPerStep, prefillTime } from "./decodeStep.js";
import { latencyBatch, latencyView, stepTime } from "./servingStep.js";
import type { Plant } from "./plant.js";

/**
 * Latency-target stave (output tokens/s), or undefined when there is no target to meet.
 * TPOT* caps the time per output token, hence the batch b_lat; the ceiling is
 * replicas · (b_lat·E / decodeShare) / step time(b_lat).
 * A TTFT* that one request's prefill alone misses, or a TPOT* that one sequence misses,
 * makes the scenario infeasible: 0. The steps are timed with the FLOP the target constrains:
 * in the bound decode only (prefill may run on other devices; the compute stave counts it),
 * so a long prompt never makes a reachable TPOT look unreachable.
 * @example latencyTargetCeiling({ ...plant, tpot: seconds(0.05) }) // output tokens/s, or 0 if unreachable
 */
export const latencyTargetCeiling = (plant: Plant): OutputTokensPerSecond | undefined => {
  if (plant.ttft !== undefined && prefillTime(plant) > plant.ttft) return outputTokensPerSecond(0);
  if (plant.tpot === undefined) return undefined;
  // One view of the decode steps for the batch and the rate (latencyBatch takes a view as is).
  const decode = latencyView(plant);
  const batch = latencyBatch(decode, plant.tpot);
  if (batch < 1) return outputTokensPerSecond(0);
  return outputTokensPerSecond((plant.replicas * outputTokensPerStep(decode, batch)) / stepTime(decode, batch));
};

import { outputTokensPerSecond, type OutputTokensPerSecond } from "../units/index.js";
import { bandwidthRateAt } from "./decodeStep.js";
import type { Plant } from "./plant.js";

/**
 * Memory-bandwidth stave (output tokens/s): the decode roofline at the offered concurrency b,
 * replicas · b·E·N·B·η_m / (W(b) + b·KV_mean).
 * @example memoryBandwidthCeiling(plant) // b·N·B·η_m / (W(b) + b·KV)
 */
export const memoryBandwidthCeiling = (plant: Plant): OutputTokensPerSecond =>
  outputTokensPerSecond(plant.replicas * bandwidthRateAt(plant, plant.concurrency));

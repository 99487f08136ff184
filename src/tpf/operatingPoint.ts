import type { Scenario } from "../domain/scenario.js";
import { computeCeiling } from "../staves/compute.js";
import { capacityBatch, effectiveBatch } from "../staves/decodeStep.js";
import { devicePowerCeiling } from "../staves/devicePower.js";
import { latencyTargetCeiling } from "../staves/latencyTarget.js";
import { memoryBandwidthCeiling } from "../staves/memoryBandwidth.js";
import { memoryCapacityCeiling } from "../staves/memoryCapacity.js";
import type { Mode, Plant, StaveName } from "../staves/plant.js";
import {
  outputTokensPerSecond,
  quantity,
  type JoulesPerOutputToken,
  type OutputTokensPerSecond,
  type Watts,
} from "../units/index.js";
import { fullLoadPower } from "./energyReport.js";
import { plantOf } from "./plantOf.js";
import type { Scoped } from "./result.js";

/** The plant's own operating point, before the site (facility power, cooling) is applied. */
export interface OperatingPoint {
  /** The reduced plant. */
  readonly plant: Plant;
  /** Effective batch (count; 0 when nothing fits). */
  readonly batch: number;
  /** The batch the power model is evaluated at (at least 1). */
  readonly powerBatch: number;
  /** compute, memory-bandwidth, memory-capacity, latency-target (if any), device-power. */
  readonly internalCeilings: Readonly<Partial<Record<StaveName, number>>>;
  /** Their minimum (output tokens/s). */
  readonly internalRate: OutputTokensPerSecond;
  /** Full-load power at that rate, by scope (W). */
  readonly fullAtInternalRate: Scoped<Watts>;
  /** IT J per output token at full load, e_IT; null when the rate is 0. */
  readonly itJoules: JoulesPerOutputToken | null;
  /** Whether at least one sequence fits in memory. */
  readonly fits: boolean;
}

/**
 * The staves that do not depend on the site, their minimum, and the IT energy per token
 * there. evaluate() adds the facility-power and cooling staves on top; the columnar sweep
 * reuses this for every row that varies only site inputs.
 */
export const operatingPoint = (scenario: Scenario, mode: Mode): OperatingPoint => {
  const plant = plantOf(scenario, mode);
  const batch = effectiveBatch(plant);
  const powerBatch = Math.max(batch, 1);
  const internalCeilings: Partial<Record<StaveName, number>> = {
    compute: computeCeiling(plant),
    "memory-bandwidth": memoryBandwidthCeiling(plant),
    "memory-capacity": memoryCapacityCeiling(plant),
  };
  const latency = latencyTargetCeiling(plant);
  if (latency !== undefined) internalCeilings["latency-target"] = latency;
  internalCeilings["device-power"] = devicePowerCeiling(plant, powerBatch);
  const internalRate = outputTokensPerSecond(Math.min(...Object.values(internalCeilings)));
  const fullAtInternalRate = fullLoadPower(scenario, plant, powerBatch, internalRate);
  const itJoules =
    internalRate > 0 ? quantity<JoulesPerOutputToken>(fullAtInternalRate.it / internalRate) : null;
  return { plant, batch, powerBatch, internalCeilings, internalRate, fullAtInternalRate, itJoules, fits: capacityBatch(plant) >= 1 };
};

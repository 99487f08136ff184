import type { Model } from "../domain/model.js";
import { bytesPerElement, type Precision } from "../domain/precision.js";
import { bytes, type Bytes } from "../units/index.js";
import { activeMatmulParameters, totalStreamedParameters } from "./matmulParameters.js";

/**
 * Bytes of all weights held in memory (B): every parameter, every expert.
 * @example weightBytesResident(MODELS["llama-3.1-70b"], "fp8") // 70.55e9 B
 */
export const weightBytesResident = (model: Model, weights: Precision): Bytes =>
  bytes(model.totalParameters * bytesPerElement(weights));

/**
 * Expected share of a layer's routed experts that a decode step of `batch` tokens touches:
 * 1 − (1 − k/E)^b, with uniform independent routing (1). 1 for dense models.
 */
export const touchedExpertFraction = (model: Model, batch: number): number => {
  const experts = model.experts;
  if (experts === undefined) return 1;
  return 1 - (1 - experts.active / experts.total) ** Math.max(batch, 1);
};

/**
 * Weight bytes one decode step reads (B).
 * - `minimum` (for the bound): dense models all weights; MoE only the active set, as if every
 *   token in the batch chose the same experts.
 * - `expected` (for the estimate): the always-on part plus the routed experts the batch is
 *   expected to touch (uniform routing).
 * Routed-expert parameters are (P_total − P_active)/(E − k) per expert, from the two counts.
 * @example weightBytesPerStep(MODELS["qwen3-30b-a3b"], "bf16", 64, "expected") // B
 */
export const weightBytesPerStep = (
  model: Model,
  weights: Precision,
  batch: number,
  mode: "minimum" | "expected",
): Bytes => {
  const perParameter = bytesPerElement(weights);
  const experts = model.experts;
  if (experts === undefined) return bytes(totalStreamedParameters(model) * perParameter);
  const active = activeMatmulParameters(model);
  if (mode === "minimum") return bytes(active * perParameter);
  const perExpert =
    (model.totalParameters - model.activeParameters) / (experts.total - experts.active);
  const alwaysOn = active - experts.active * perExpert;
  const routed = experts.total * perExpert * touchedExpertFraction(model, batch);
  return bytes((alwaysOn + Math.max(routed, experts.active * perExpert)) * perParameter);
};

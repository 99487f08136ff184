import {
  bytes,
  bytesPerOutputToken,
  outputTokensPerSecond,
  seconds,
  type Bytes,
  type BytesPerOutputToken,
  type OutputTokensPerSecond,
  type Seconds,
} from "../units/index.js";
import type { Plant } from "./plant.js";

// The roofline of one decode step with continuous batching: b sequences each advance by
// E tokens (E = 1 without speculative decoding); the step needs b·E·c_tok FLOP (prefill
// share included) and W(b) + b·KV bytes.

/** Bytes one decode step moves at batch b (B): W(b) + b·KV_mean. */
export const bytesPerStep = (plant: Plant, batch: number): Bytes =>
  bytes(plant.weightBytesPerStep(batch) + batch * plant.kvBytesPerSequenceMean);

/** Bytes moved per output token at batch b (B/output token). */
export const bytesPerOutputTokenAt = (plant: Plant, batch: number): BytesPerOutputToken =>
  bytesPerOutputToken(bytesPerStep(plant, batch) / (batch * plant.tokensPerStep));

/** Time of one decode step at batch b (s): max(compute time, memory time). */
export const stepTime = (plant: Plant, batch: number): Seconds =>
  seconds(
    Math.max(
      (batch * plant.tokensPerStep * plant.flopPerOutputToken) / plant.computeRate,
      bytesPerStep(plant, batch) / plant.bandwidth,
    ) + plant.stepOverhead + batch * plant.sequenceOverhead,
  );

/**
 * The memory-bandwidth roofline at batch b, per replica (output tokens/s), with the step
 * overheads t₀ (fixed) and t₁ (per sequence): b·E / ((W(b) + b·KV_mean)/(N·B·η_m) + t₀ + b·t₁).
 */
export const bandwidthRateAt = (plant: Plant, batch: number): OutputTokensPerSecond =>
  outputTokensPerSecond(
    (batch * plant.tokensPerStep) /
      (bytesPerStep(plant, batch) / plant.bandwidth + plant.stepOverhead + batch * plant.sequenceOverhead),
  );

/** Time per output token of one sequence at batch b (s): step time ÷ E. */
export const timePerOutputToken = (plant: Plant, batch: number): Seconds =>
  seconds(stepTime(plant, batch) / plant.tokensPerStep);

/** The largest batch whose KV cache fits beside the weights (count; may be < 1). */
export const capacityBatch = (plant: Plant): number =>
  (plant.memory - plant.weightBytesResident) / plant.kvBytesPerSequenceMax;

/**
 * The largest batch whose time per output token meets the TPOT target (count), by
 * bisection on the increasing function stepTime(b)/E; 0 when even one sequence misses it.
 */
export const latencyBatch = (plant: Plant, tpot: Seconds): number => {
  if (timePerOutputToken(plant, 1) > tpot) return 0;
  let low = 1;
  let high = 2;
  while (timePerOutputToken(plant, high) <= tpot && high < 1e12) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 100 && high - low > 1e-9 * high; i++) {
    const middle = (low + high) / 2;
    if (timePerOutputToken(plant, middle) <= tpot) low = middle;
    else high = middle;
  }
  return low;
};

/** TTFT of one request alone: its prefill FLOP over the replica's compute (s). */
export const prefillTime = (plant: Plant): Seconds =>
  seconds(plant.prefillFlopPerRequest / plant.computeRate);

/**
 * The effective batch (count): the offered concurrency cut by memory capacity and by the
 * TPOT target.
 */
export const effectiveBatch = (plant: Plant): number => {
  const latency = plant.tpot === undefined ? Number.POSITIVE_INFINITY : latencyBatch(plant, plant.tpot);
  return Math.max(0, Math.min(plant.concurrency, capacityBatch(plant), latency));
};

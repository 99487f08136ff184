import { flopPerOutputToken, seconds, type Seconds } from "../units/index.js";
import { capacityBatch, stepTimeAtClock } from "./decodeStep.js";
import { clockAt } from "./devicePower.js";
import type { Plant } from "./plant.js";

/** Time of one decode step at batch b, at the clock the power limit allows (s). */
export const stepTime = (plant: Plant, batch: number): Seconds => stepTimeAtClock(plant, batch, clockAt(plant, batch));

/** Time per output token of one sequence at batch b (s): stages × step time ÷ E (a sequence advances once per round of stages). */
export const timePerOutputToken = (plant: Plant, batch: number): Seconds =>
  seconds((plant.stages * stepTime(plant, batch)) / plant.tokensPerStep);

/**
 * The plant as the TPOT target sees its decode steps: in the bound without the prefill's
 * FLOP (a deployment may prefill on other devices; see `prefillFlopPerOutputToken`), in the
 * estimate as it is (chunked prefill shares the steps). The same object when nothing changes.
 */
export const latencyView = (plant: Plant): Plant =>
  plant.mode !== "bound" || !(plant.prefillFlopPerOutputToken > 0)
    ? plant
    : // The prefill's part moved out, so a view of a view is the same plant.
      { ...plant, flopPerOutputToken: flopPerOutputToken(plant.flopPerOutputToken - plant.prefillFlopPerOutputToken), prefillFlopPerOutputToken: flopPerOutputToken(0) };

/**
 * The largest batch whose time per output token meets the TPOT target (count), by
 * bisection on the increasing function stepTime(b)/E; 0 when even one sequence misses it.
 * Decode steps are timed with the FLOP the target constrains (see `latencyView`).
 */
export const latencyBatch = (whole: Plant, tpot: Seconds): number => {
  const plant = latencyView(whole);
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

/**
 * The effective batch (count): the offered concurrency cut by memory capacity and by the
 * TPOT target.
 */
export const effectiveBatch = (plant: Plant): number => {
  const latency = plant.tpot === undefined ? Number.POSITIVE_INFINITY : latencyBatch(plant, plant.tpot);
  return Math.max(0, Math.min(plant.concurrency, capacityBatch(plant), latency));
};

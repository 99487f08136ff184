import { STAVE_NAMES, type StaveName } from "../staves/plant.js";

// Ties within this relative distance go to the earlier stave in STAVE_NAMES: when compute
// caps the latency-limited batch, the two staves are equal and compute is the cause.
const TIE = 1e-12;

/**
 * The binding stave: the lowest ceiling, ties to the earlier name.
 * @example bindingStave({ compute: 10, "memory-bandwidth": 5 }) // "memory-bandwidth"
 */
export const bindingStave = (ceilings: Readonly<Partial<Record<StaveName, number>>>): StaveName => {
  let best: StaveName = "compute";
  let bestValue = Number.POSITIVE_INFINITY;
  for (const name of STAVE_NAMES) {
    const value = ceilings[name];
    if (value === undefined) continue;
    if (value < bestValue * (1 - TIE)) {
      best = name;
      bestValue = value;
    }
  }
  return best;
};

/**
 * Each stave's ceiling ÷ the binding one (1); empty when the binding stave is 0 (infeasible).
 * @example slackOf({ compute: 10, "memory-bandwidth": 5 }, "memory-bandwidth") // { compute: 2, "memory-bandwidth": 1 }
 */
export const slackOf = (
  ceilings: Readonly<Partial<Record<StaveName, number>>>,
  binding: StaveName,
): Partial<Record<StaveName, number>> => {
  const lowest = ceilings[binding] ?? 0;
  const slack: Partial<Record<StaveName, number>> = {};
  if (!(lowest > 0)) return slack;
  for (const name of STAVE_NAMES) {
    const value = ceilings[name];
    if (value === undefined) continue;
    slack[name] = value / lowest;
  }
  return slack;
};

/**
 * Stave ceilings as a fixed array in STAVE_NAMES order, NaN where a stave does not apply:
 * the hot path works on this and builds the public records once.
 */
export type StaveValues = Float64Array;

/** The binding stave's index in STAVE_NAMES: the lowest value, ties to the earlier name. */
export const bindingIndex = (values: StaveValues): number => {
  let best = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < bestValue * (1 - TIE)) {
      best = i;
      bestValue = value;
    }
  }
  return best;
};

// Named stores in a fixed order give every record the same few hidden classes; a loop over
// computed keys made these the hottest lines of evaluate().
const record = (values: StaveValues, divisor: number): Partial<Record<StaveName, number>> => {
  const out: Partial<Record<StaveName, number>> = {};
  if (!Number.isNaN(values[0]!)) out.compute = values[0]! / divisor;
  if (!Number.isNaN(values[1]!)) out["memory-bandwidth"] = values[1]! / divisor;
  if (!Number.isNaN(values[2]!)) out["memory-capacity"] = values[2]! / divisor;
  if (!Number.isNaN(values[3]!)) out["latency-target"] = values[3]! / divisor;
  if (!Number.isNaN(values[4]!)) out["device-power"] = values[4]! / divisor;
  if (!Number.isNaN(values[5]!)) out["facility-power"] = values[5]! / divisor;
  if (!Number.isNaN(values[6]!)) out.cooling = values[6]! / divisor;
  return out;
};

/** The ceilings record (stave → output tokens/s) of the values present. */
export const ceilingsRecord = (values: StaveValues): Partial<Record<StaveName, number>> => record(values, 1);

/** Each present stave's value ÷ the binding one; empty when the binding value is 0. */
export const slackRecord = (values: StaveValues, binding: number): Partial<Record<StaveName, number>> => {
  const lowest = values[binding]!;
  return lowest > 0 ? record(values, lowest) : {};
};

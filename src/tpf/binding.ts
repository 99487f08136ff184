import { STAVE_NAMES, type StaveName } from "../staves/plant.js";

// Ties within this relative distance go to the earlier stave in STAVE_NAMES: when compute
// caps the latency-limited batch, the two staves are equal and compute is the cause.
const TIE = 1e-12;

/** The binding stave: the lowest ceiling, ties to the earlier name. */
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

/** Each stave's ceiling ÷ the binding one (1); empty when the binding stave is 0 (infeasible). */
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

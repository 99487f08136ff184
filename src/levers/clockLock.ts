import * as E from "fp-ts/lib/Either.js";
import type { Hertz } from "../units/index.js";
import { leverError, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of clock locking. */
export interface ClockLockParameters {
  /** The graphics (SM) clock to lock (Hz), within the device's clock range. */
  readonly clock: Hertz;
}

/**
 * Clock locking (nvidia-smi -lgc): caps the graphics clock. Compute time grows by
 * max clock ÷ locked clock; memory-bound decode keeps its rate while the lower voltage cuts the
 * dynamic energy per FLOP (∝ V²). Ma et al., "The Illusion of Power Capping in LLM Decode"
 * (arXiv 2605.11999, 2026): SM clock locking Pareto-dominates power capping for decode,
 * recovering up to 32 % of decode energy. Δq 0.
 * @example clockLock({ clock: hertz(1.2e9) })
 */
export const clockLock = (parameters: ClockLockParameters): Lever => {
  const id = `clock-lock(${(parameters.clock / 1e6).toFixed(0)} MHz)`;
  const problem = parameterProblem("clock-lock", { clock: parameters.clock });
  return {
    id,
    kind: "clock-lock",
    moves: ["graphics clock", "energy per FLOP"],
    qualityDelta: 0,
    qualitySource: "a clock lock does not change outputs",
    apply: (scenario) => {
      const { clock } = parameters;
      if (problem !== undefined) return E.left(leverError(id, problem));
      const { min, max } = scenario.accelerator.clock;
      if (!(clock >= min && clock <= max)) {
        return E.left(leverError(id, `expected a clock within ${scenario.accelerator.id}'s range ${min / 1e6}–${max / 1e6} MHz, got ${clock / 1e6} MHz`));
      }
      return E.right({ ...scenario, accelerator: { ...scenario.accelerator, clockLock: clock } });
    },
  };
};

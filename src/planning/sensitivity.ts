import type { Scenario } from "../domain/scenario.js";
import type { Mode } from "../staves/plant.js";
import { evaluateMode } from "../tpf/evaluate.js";
import { PARAMETERS } from "./parameters.js";

/** d ln Q̇ / d ln x for one input. */
export interface Elasticity {
  /** Parameter name. */
  readonly parameter: string;
  /** Its value (SI). */
  readonly value: number;
  /** d ln Q̇ / d ln x (1); 0 for an input on a slack stave. */
  readonly elasticity: number;
}

/** The answer of sensitivity(). */
export interface Sensitivity {
  /** Q̇ at the scenario (output tokens/s). */
  readonly outputTokensPerSecond: number;
  /** Elasticities, largest magnitude first. */
  readonly elasticities: readonly Elasticity[];
  /** Shadow prices: extra output tokens/s per extra unit. */
  readonly shadowPrices: {
    /** Per W of delivered power at the meter ((tokens/s)/W); absent without a site limit. */
    readonly perWattDelivered?: number;
    /** Per FLOP/s of total peak compute ((tokens/s)/(FLOP/s)). */
    readonly perFlopPerSecond: number;
    /** Per B/s of total memory bandwidth ((tokens/s)/(B/s)). */
    readonly perBytePerSecond: number;
  };
}

const STEP = 1e-4;

// Central difference in log space; at a kink (where the binding stave changes) it is the
// mean of the two one-sided slopes.
const logDerivative = (scenario: Scenario, name: string, mode: Mode): number | undefined => {
  const parameter = PARAMETERS[name]!;
  const value = parameter.get(scenario);
  if (value === undefined || !(value > 0)) return undefined;
  const rate = (x: number) => evaluateMode(parameter.set(scenario, x), mode).outputTokensPerSecond;
  const up = rate(value * (1 + STEP));
  const down = rate(value * (1 - STEP));
  if (!(up > 0 && down > 0)) return undefined;
  return (Math.log(up) - Math.log(down)) / (Math.log(1 + STEP) - Math.log(1 - STEP));
};

const CONTINUOUS = Object.values(PARAMETERS).filter((p) => !p.integer && p.name !== "facility.electricityPrice").map((p) => p.name);

/**
 * Elasticities d ln Q̇ / d ln x of the rate for every numeric input the scenario sets, and
 * shadow prices: extra tokens/s per extra W delivered, per FLOP/s and per B/s of the plant.
 * An elasticity of 1 on delivered power means the site is power-bound; 0 means slack.
 * @example sensitivity(scenario).elasticities[0] // the input that moves Q̇ most
 */
export const sensitivity = (scenario: Scenario, mode: Mode = "estimate"): Sensitivity => {
  const rate = evaluateMode(scenario, mode).outputTokensPerSecond;
  const elasticities: Elasticity[] = [];
  for (const name of CONTINUOUS) {
    const elasticity = logDerivative(scenario, name, mode);
    if (elasticity === undefined) continue;
    const value = PARAMETERS[name]!.get(scenario)!;
    elasticities.push({ parameter: name, value, elasticity: Math.abs(elasticity) < 1e-9 ? 0 : elasticity });
  }
  elasticities.sort((a, b) => Math.abs(b.elasticity) - Math.abs(a.elasticity));
  const slope = (name: string, total: number): number => {
    const e = elasticities.find((x) => x.parameter === name)?.elasticity ?? 0;
    return total > 0 ? (e * rate) / total : 0;
  };
  const accelerators = scenario.count * scenario.replicas;
  const peak = PARAMETERS["accelerator.peakFlopPerSecond"]!.get(scenario) ?? 0;
  const delivered = scenario.facility.deliveredPower;
  return {
    outputTokensPerSecond: rate,
    elasticities,
    shadowPrices: {
      ...(delivered === undefined ? {} : { perWattDelivered: slope("facility.deliveredPower", delivered) }),
      perFlopPerSecond: slope("accelerator.peakFlopPerSecond", peak * accelerators),
      perBytePerSecond: slope("accelerator.memoryBandwidth", scenario.accelerator.memoryBandwidth * accelerators),
    },
  };
};

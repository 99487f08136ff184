import type { Scenario } from "../domain/scenario.js";
import { acceleratorPowerAt } from "../staves/devicePower.js";
import type { Plant } from "../staves/plant.js";
import {
  quantity,
  ratio,
  toTotalBasis,
  totalPerOutput,
  watts,
  type FlopPerJoule,
  type GramsCo2ePerOutputToken,
  type JoulesPerOutputToken,
  type LitresPerOutputToken,
  type OutputTokensPerJoule,
  type OutputTokensPerSecond,
  type Ratio,
  type Watts,
} from "../units/index.js";
import type { EnergyReport, Scoped } from "./result.js";

const scoped = <Q>(accelerator: Q, it: Q, facility: Q): Scoped<Q> => ({ accelerator, it, facility });
const perToken = (power: number, rate: number): JoulesPerOutputToken =>
  quantity<JoulesPerOutputToken>(power / rate);

/**
 * Full-load power of the whole plant at the operating point, by scope (W).
 * @example fullLoadPower(scenario, plant, 64, rate).facility // W at the meter
 */
export const fullLoadPower = (
  scenario: Scenario,
  plant: Plant,
  batch: number,
  rate: OutputTokensPerSecond,
): Scoped<Watts> => {
  const accelerators = plant.accelerators * plant.replicas;
  const bound = plant.mode === "bound";
  const psu = bound ? 1 : scenario.facility.psuEfficiency;
  const hosts = bound
    ? 0
    : Math.ceil(accelerators / scenario.facility.acceleratorsPerNode) *
      scenario.facility.hostPowerPerNode;
  const acceleratorPower = accelerators * acceleratorPowerAt(plant, batch, rate);
  const it = acceleratorPower / psu + hosts;
  return scoped(watts(acceleratorPower), watts(it), watts(it * plant.pue));
};

/**
 * Average power at utilization U, by scope (W): the plant serves U of the time at full
 * load and idles the rest; hosts and PSU losses are paid throughout.
 *   P_avg,acc = U·P_full,acc + (1 − U)·P_idle;  P_avg,IT = P_avg,acc / η_PSU + P_hosts.
 * @example averagePowerAt(scenario, plant, full, ratio(0.6)).it // W
 */
export const averagePowerAt = (scenario: Scenario, plant: Plant, full: Scoped<Watts>, utilization: Ratio): Scoped<Watts> => {
  const idleAccelerators = plant.accelerators * plant.replicas * plant.idlePower;
  const psu = plant.mode === "bound" ? 1 : scenario.facility.psuEfficiency;
  const hosts = full.it - full.accelerator / psu;
  const averageAccelerator = utilization * full.accelerator + (1 - utilization) * idleAccelerators;
  const averageIt = averageAccelerator / psu + hosts;
  return scoped(watts(averageAccelerator), watts(averageIt), watts(averageIt * plant.pue));
};

/**
 * Energy per token and what follows from it, at one operating point, given the plant's
 * full-load power there (`fullLoadPower`, computed once by the caller).
 * Marginal = at full load (the plant busy at `rate`); amortized = at utilization U, where the
 * plant idles (1 − U) of the time and still draws idle and host power:
 *   J_amortized = (U·P_full + (1 − U)·P_idle) / (U·rate).
 * The bound draws no idle or host power and has no PSU loss (the minimum physics allows).
 * @example energyReport(scenario, plant, full, rate, rate, ratio(1)).joulesPerOutputToken?.it
 */
export const energyReport = (
  scenario: Scenario,
  plant: Plant,
  full: Scoped<Watts>,
  rate: OutputTokensPerSecond,
  servedRate: OutputTokensPerSecond,
  utilization: Ratio,
): EnergyReport => {
  const { facility, workload } = scenario;
  const accelerators = plant.accelerators * plant.replicas;
  const idleAccelerators = accelerators * plant.idlePower;
  const averagePower = averagePowerAt(scenario, plant, full, utilization);
  const averageAccelerator = averagePower.accelerator;
  const averageIt = averagePower.it;
  const carbonBasis = facility.carbonBasis;
  if (!(rate > 0) || !(utilization > 0)) {
    return {
      joulesPerOutputToken: null, joulesPerTotalToken: null, marginalJoulesPerOutputToken: null,
      averagePower, idleEnergyShare: null, idleDominated: false, outputTokensPerJoule: null,
      wattsPerOutputTokenPerSecond: null, flopPerJoule: null, gramsCo2ePerOutputToken: null,
      carbonBasis, litresPerOutputToken: null, usdPerMillionOutputTokens: null,
    };
  }
  const producing = utilization * rate;
  const amortized = scoped(
    perToken(averageAccelerator, producing),
    perToken(averageIt, producing),
    perToken(averageIt * plant.pue, producing),
  );
  const mix = totalPerOutput((workload.inputTokens + workload.outputTokens) / workload.outputTokens);
  // The share of accelerator energy spent while no tokens flow: (1 − U)·P_idle over the
  // average power. High means low utilization, not an inefficient model.
  const idleShare = ratio(((1 - utilization) * idleAccelerators) / averageAccelerator);
  const acceleratorHourCost = (accelerators * facility.acceleratorHourPrice) / (utilization * servedRate);
  const energyCost = amortized.facility * facility.electricityPrice;
  return {
    joulesPerOutputToken: amortized,
    joulesPerTotalToken: scoped(
      toTotalBasis(amortized.accelerator, mix),
      toTotalBasis(amortized.it, mix),
      toTotalBasis(amortized.facility, mix),
    ),
    marginalJoulesPerOutputToken: scoped(
      perToken(full.accelerator, rate),
      perToken(full.it, rate),
      perToken(full.facility, rate),
    ),
    averagePower,
    idleEnergyShare: idleShare,
    idleDominated: idleShare > 0.5,
    outputTokensPerJoule: quantity<OutputTokensPerJoule>(1 / amortized.facility),
    wattsPerOutputTokenPerSecond: amortized.facility,
    flopPerJoule: quantity<FlopPerJoule>(plant.flopPerOutputToken / (full.accelerator / rate)),
    gramsCo2ePerOutputToken: quantity<GramsCo2ePerOutputToken>(amortized.facility * facility.carbonIntensity),
    carbonBasis,
    litresPerOutputToken: quantity<LitresPerOutputToken>(amortized.it * facility.waterIntensity),
    usdPerMillionOutputTokens: {
      energy: energyCost * 1e6,
      acceleratorHours: acceleratorHourCost * 1e6,
      total: (energyCost + acceleratorHourCost) * 1e6,
    },
  };
};

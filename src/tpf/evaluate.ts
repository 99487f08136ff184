import type { Scenario } from "../domain/scenario.js";
import { weightBytesResident } from "../physics/weightBytes.js";
import { coolingCeiling } from "../staves/cooling.js";
import { facilityPowerCeiling } from "../staves/facilityPower.js";
import { STAVE_NAMES, type Mode, type Plant, type StaveName } from "../staves/plant.js";
import {
  outputTokensPerSecond,
  quantity,
  ratio,
  watts,
  type RequestsPerSecond,
  type TotalTokensPerSecond,
} from "../units/index.js";
import { bindingIndex, ceilingsRecord, slackRecord, type StaveValues } from "./binding.js";
import { energyReport, fullLoadPower } from "./energyReport.js";
import { mixRouted } from "./mixRouted.js";
import { operatingPoint } from "./operatingPoint.js";
import type { Evaluation, ModeResult, ReducedForm } from "./result.js";

const formatGb = (value: number): string => `${(value / 1e9).toPrecision(4)} GB`;

const infeasibleReason = (scenario: Scenario, plant: Plant, binding: StaveName): string => {
  switch (binding) {
    case "compute":
      return `${scenario.accelerator.id} has no ${scenario.precision.compute} peak FLOP/s`;
    case "memory-capacity":
      return `the model's weights (${formatGb(plant.weightBytesResident)}) and one sequence's KV cache at its mean occupancy (${formatGb(plant.kvBytesPerSequenceHeld)}) do not fit in ${scenario.count} × ${formatGb(scenario.accelerator.memoryCapacity)} (${formatGb(plant.memory)} usable)`;
    case "latency-target":
      return "no batch meets the latency targets (TTFT of one request or TPOT of one sequence is already above target)";
    default:
      return `${binding} allows no output`;
  }
};

const FACILITY = STAVE_NAMES.indexOf("facility-power");
const COOLING = STAVE_NAMES.indexOf("cooling");

/** Evaluates one mode of a single-model plant: every stave, the Leontief minimum, energy. */
const evaluateSingle = (scenario: Scenario, mode: Mode, coResidentBytes = 0): ModeResult => {
  const point = operatingPoint(scenario, mode, coResidentBytes);
  const { plant, batch, powerBatch, internalRate, fullAtInternalRate, itJoules } = point;
  const utilization = mode === "bound" ? ratio(1) : scenario.utilization;
  // The operating point's array is fresh per call: the site staves are filled in place.
  const values: StaveValues = point.internalValues;
  if (itJoules !== null) {
    values[FACILITY] = facilityPowerCeiling(plant, itJoules) ?? Number.NaN;
    values[COOLING] = coolingCeiling(plant, itJoules) ?? Number.NaN;
  }
  const bindingAt = bindingIndex(values);
  const binding = STAVE_NAMES[bindingAt]!;
  const ceiling = outputTokensPerSecond(values[bindingAt]!);
  const feasible = ceiling > 0 && point.fits;
  const rate = outputTokensPerSecond(feasible ? ceiling * utilization : 0);
  const { inputTokens, outputTokens } = scenario.workload;
  const effectiveCompute = quantity<typeof plant.computeRate>(plant.replicas * plant.computeRate);
  const facilityPower =
    plant.deliveredPower === undefined ? undefined : watts(plant.deliveredPower / plant.pue);
  const computeStave = effectiveCompute / plant.flopPerOutputToken;
  const energyStave =
    facilityPower === undefined || itJoules === null ? Number.POSITIVE_INFINITY : facilityPower / itJoules;
  const paperMinimum = Math.min(computeStave, energyStave);
  const energyRate = outputTokensPerSecond(feasible ? internalRate : 0);
  const full = feasible ? fullAtInternalRate : fullLoadPower(scenario, plant, powerBatch, energyRate);
  const energy = energyReport(scenario, plant, full, energyRate, outputTokensPerSecond(feasible ? ceiling : 0), utilization);
  const paperForm: { -readonly [K in keyof ReducedForm]: ReducedForm[K] } = {
    effectiveCompute,
    flopPerToken: plant.flopPerOutputToken,
    joulesPerToken: feasible ? itJoules : null,
    impliedPhi: ratio(feasible && paperMinimum > 0 ? ceiling / paperMinimum : 0),
    utilization,
    facilityPower,
  };
  const result: { -readonly [K in keyof ModeResult]: ModeResult[K] } = {
    mode,
    feasible,
    outputTokensPerSecond: rate,
    totalTokensPerSecond: quantity<TotalTokensPerSecond>((rate * (inputTokens + outputTokens)) / outputTokens),
    requestsPerSecond: quantity<RequestsPerSecond>(rate / outputTokens),
    ceilings: ceilingsRecord(values),
    binding,
    slack: slackRecord(values, bindingAt),
    effectiveBatch: feasible ? batch : 0,
    timeToFirstToken: plant.prefillLatency,
    paperForm,
    joulesPerOutputToken: energy.joulesPerOutputToken,
    joulesPerTotalToken: energy.joulesPerTotalToken,
    marginalJoulesPerOutputToken: energy.marginalJoulesPerOutputToken,
    averagePower: energy.averagePower,
    poweredShare: energy.poweredShare,
    energyShares: energy.energyShares,
    idleEnergyShare: energy.idleEnergyShare,
    idleDominated: energy.idleDominated,
    outputTokensPerJoule: energy.outputTokensPerJoule,
    wattsPerOutputTokenPerSecond: energy.wattsPerOutputTokenPerSecond,
    flopPerJoule: energy.flopPerJoule,
    gramsCo2ePerOutputToken: energy.gramsCo2ePerOutputToken,
    carbonBasis: energy.carbonBasis,
    litresPerOutputToken: energy.litresPerOutputToken,
    usdPerMillionOutputTokens: energy.usdPerMillionOutputTokens,
    // Absent fields are undefined (JSON leaves them out), so every result has one shape.
    infeasibleReason: feasible ? undefined : infeasibleReason(scenario, plant, binding),
    pueAdjustedDeliveredPower: facilityPower,
  };
  return result;
};

/**
 * Evaluates one mode. With routing, the plant time-shares between the two models (see
 * mixRouted); speculative decoding applies to the main model only.
 * @example evaluateMode(scenario, "estimate").binding // "memory-bandwidth"
 */
export const evaluateMode = (scenario: Scenario, mode: Mode): ModeResult => {
  if (scenario.routing === undefined) return evaluateSingle(scenario, mode);
  const { routing, ...main } = scenario;
  const { speculative: draft, ...withoutDraft } = main;
  const routed: Scenario = { ...withoutDraft, model: routing.model, precision: routing.precision, quality: routing.quality };
  // All traffic to one model: the other need not be loaded.
  if (routing.share <= 0) return evaluateSingle(main, mode);
  if (routing.share >= 1) return evaluateSingle(routed, mode);
  // Both models (and a draft model) stay resident: each sees the other's weights as used memory.
  // The bound holds every tensor in the declared format (see alwaysOnBytesPerParameter).
  const keep = mode !== "bound";
  const mainWeights =
    weightBytesResident(main.model, main.precision.weights, keep) +
    (draft === undefined ? 0 : weightBytesResident(draft.draftModel, main.precision.weights, keep));
  const routedWeights = weightBytesResident(routing.model, routing.precision.weights, keep);
  return mixRouted(
    evaluateSingle(main, mode, routedWeights),
    evaluateSingle(routed, mode, mainWeights),
    routing.share,
    scenario.workload,
  );
};

/**
 * Evaluates a resolved scenario in both modes: `bound` (the physical ceiling a measured run
 * must never exceed) and `estimate` (the expected operating point). Total: never throws for
 * a scenario that parseScenario accepted; an infeasible scenario has rate 0 and a reason.
 * @example evaluate(scenario).estimate.binding // "memory-bandwidth" for the default scenario
 */
export const evaluate = (scenario: Scenario): Evaluation => ({
  bound: evaluateMode(scenario, "bound"),
  estimate: evaluateMode(scenario, "estimate"),
});

import { peakFlopPerSecondAt } from "../catalog/accelerators.js";
import type { Model } from "../domain/model.js";
import type { Precision } from "../domain/precision.js";
import type { Scenario } from "../domain/scenario.js";
import type { Workload } from "../domain/workload.js";
import { flopPerTokenAtContext } from "../physics/flopPerToken.js";
import { kvBytesPerSequence, kvBytesReadPerSequence } from "../physics/kvBytes.js";
import { recurrentStateBytes } from "../physics/recurrentState.js";
import { prefillFlopPerRequest } from "../physics/requestFlop.js";
import { expectedTokensPerStep } from "../physics/speculative.js";
import { weightBytesPerStep, weightBytesResident } from "../physics/weightBytes.js";
import type { Mode, Plant } from "../staves/plant.js";
import {
  bytes,
  bytesPerSecond,
  flop,
  flopPerOutputToken,
  flopPerSecond,
  joulesPerByte,
  joulesPerFlop,
  seconds,
  watts,
} from "../units/index.js";

/** One model's per-request costs as the plant sees them. */
interface ModelCosts {
  readonly prefillFlop: number;
  readonly decodeFlopPerToken: number;
  readonly weightsResident: number;
  readonly kvReadMean: number;
  readonly kvStoredMax: number;
}

const costsOf = (
  model: Model,
  weights: Precision,
  kv: Precision,
  workload: Workload,
): ModelCosts => {
  const meanDecodeContext = workload.inputTokens + workload.outputTokens / 2;
  return {
    prefillFlop: prefillFlopPerRequest(model, workload),
    decodeFlopPerToken: flopPerTokenAtContext(model, meanDecodeContext),
    weightsResident: weightBytesResident(model, weights),
    // A recurrent state is read and written once per step: twice its size in traffic.
    kvReadMean: kvBytesReadPerSequence(model, kv, meanDecodeContext) + 2 * recurrentStateBytes(model, kv),
    kvStoredMax:
      kvBytesPerSequence(model, kv, workload.inputTokens + workload.outputTokens) + recurrentStateBytes(model, kv),
  };
};

/**
 * Reduces a scenario to the numbers the staves need, in one mode.
 * bound: η = 1, all memory usable, MoE reads only the active experts, no idle power and the
 * lower-envelope dynamic energy. estimate: the scenario's efficiencies, expected expert
 * reads, the fitted power model.
 * With speculative decoding, each step verifies k + 1 positions of the target and runs k
 * draft passes per sequence, and yields E tokens; the FLOP and bytes below are per step
 * (bytes) or per output token (FLOP) accordingly.
 * @example plantOf(scenario, "bound").computeRate // N·peak FLOP/s of one replica
 */
export const plantOf = (scenario: Scenario, mode: Mode): Plant => {
  const { accelerator, model, precision, workload, facility, targets, speculative } = scenario;
  const bound = mode === "bound";
  const peak = peakFlopPerSecondAt(accelerator, precision.compute) ?? flopPerSecond(0);
  const computeFraction = bound ? 1 : scenario.efficiency.compute;
  const bandwidthFraction = bound ? 1 : scenario.efficiency.bandwidth;
  const memoryFraction = bound ? 1 : scenario.efficiency.memory;
  const dynamicScale = bound ? accelerator.power.boundFraction : 1;
  const readMode = bound ? "minimum" : "expected";
  const target = costsOf(model, precision.weights, precision.kv, workload);
  const draft =
    speculative === undefined
      ? undefined
      : costsOf(speculative.draftModel, precision.weights, precision.kv, workload);
  const draftLength = speculative?.draftLength ?? 0;
  const tokensPerStep =
    speculative === undefined ? 1 : expectedTokensPerStep(speculative.acceptanceRate, draftLength);
  const prefill = target.prefillFlop + (draft?.prefillFlop ?? 0);
  const decodePerToken =
    ((draftLength + 1) * target.decodeFlopPerToken + draftLength * (draft?.decodeFlopPerToken ?? 0)) /
    tokensPerStep;
  const plant: { -readonly [K in keyof Plant]: Plant[K] } = {
    mode,
    replicas: scenario.replicas,
    accelerators: scenario.count,
    computeRate: flopPerSecond(scenario.count * peak * computeFraction),
    bandwidth: bytesPerSecond(scenario.count * accelerator.memoryBandwidth * bandwidthFraction),
    memory: bytes(scenario.count * accelerator.memoryCapacity * memoryFraction),
    flopPerOutputToken: flopPerOutputToken(prefill / workload.outputTokens + decodePerToken),
    prefillFlopPerRequest: flop(prefill),
    weightBytesResident: bytes(target.weightsResident + (draft?.weightsResident ?? 0)),
    weightBytesPerStep: (batch) =>
      bytes(
        weightBytesPerStep(model, precision.weights, batch * (draftLength + 1), readMode) +
          (speculative === undefined ? 0 : draftLength * weightBytesPerStep(speculative.draftModel, precision.weights, batch, readMode)),
      ),
    kvBytesPerSequenceMean: bytes(target.kvReadMean + draftLength * (draft?.kvReadMean ?? 0)),
    kvBytesPerSequenceMax: bytes(target.kvStoredMax + (draft?.kvStoredMax ?? 0)),
    tokensPerStep,
    stepOverhead: seconds(bound ? 0 : scenario.efficiency.stepOverhead),
    sequenceOverhead: seconds(bound ? 0 : scenario.efficiency.sequenceOverhead),
    concurrency: workload.concurrency,
    maxPower: accelerator.maxPower,
    idlePower: bound ? watts(0) : accelerator.power.idlePower,
    joulesPerFlop: joulesPerFlop(accelerator.power.joulesPerFlop * dynamicScale),
    joulesPerByte: joulesPerByte(accelerator.power.joulesPerByte * dynamicScale),
    pue: facility.pue,
  };
  // Optional fields set only when present (exactOptionalPropertyTypes), without the
  // temporary objects conditional spreads cost on this hot path.
  if (targets.tpot !== undefined) plant.tpot = targets.tpot;
  if (targets.ttft !== undefined) plant.ttft = targets.ttft;
  if (facility.deliveredPower !== undefined) plant.deliveredPower = facility.deliveredPower;
  if (facility.coolingCapacity !== undefined) plant.coolingCapacity = facility.coolingCapacity;
  return plant;
};

import { peakFlopPerSecondAt } from "../catalog/accelerators.js";
import type { Scenario } from "../domain/scenario.js";
import { flopPerOutputTokenOf, prefillFlopPerRequest } from "../physics/requestFlop.js";
import { kvBytesPerSequence } from "../physics/kvBytes.js";
import { weightBytesPerStep, weightBytesResident } from "../physics/weightBytes.js";
import type { Mode, Plant } from "../staves/plant.js";
import {
  bytes,
  bytesPerSecond,
  flopPerSecond,
  joulesPerByte,
  joulesPerFlop,
  watts,
} from "../units/index.js";

/**
 * Reduces a scenario to the numbers the staves need, in one mode.
 * bound: η = 1, all memory usable, MoE reads only the active experts, no idle power and the
 * lower-envelope dynamic energy. estimate: the scenario's efficiencies, expected expert
 * reads, the fitted power model.
 */
export const plantOf = (scenario: Scenario, mode: Mode): Plant => {
  const { accelerator, model, precision, workload, facility, targets } = scenario;
  const bound = mode === "bound";
  const peak = peakFlopPerSecondAt(accelerator, precision.compute) ?? flopPerSecond(0);
  const computeFraction = bound ? 1 : scenario.efficiency.compute;
  const bandwidthFraction = bound ? 1 : scenario.efficiency.bandwidth;
  const memoryFraction = bound ? 1 : scenario.efficiency.memory;
  const dynamicScale = bound ? accelerator.power.boundFraction : 1;
  const meanDecodeContext = workload.inputTokens + workload.outputTokens / 2;
  const plant: Plant = {
    mode,
    replicas: scenario.replicas,
    accelerators: scenario.count,
    computeRate: flopPerSecond(scenario.count * peak * computeFraction),
    bandwidth: bytesPerSecond(scenario.count * accelerator.memoryBandwidth * bandwidthFraction),
    memory: bytes(scenario.count * accelerator.memoryCapacity * memoryFraction),
    flopPerOutputToken: flopPerOutputTokenOf(model, workload),
    prefillFlopPerRequest: prefillFlopPerRequest(model, workload),
    weightBytesResident: weightBytesResident(model, precision.weights),
    weightBytesPerStep: (batch) =>
      weightBytesPerStep(model, precision.weights, batch, bound ? "minimum" : "expected"),
    kvBytesPerSequenceMean: kvBytesPerSequence(model, precision.kv, meanDecodeContext),
    kvBytesPerSequenceMax: kvBytesPerSequence(
      model,
      precision.kv,
      workload.inputTokens + workload.outputTokens,
    ),
    concurrency: workload.concurrency,
    maxPower: accelerator.maxPower,
    idlePower: bound ? watts(0) : accelerator.power.idlePower,
    joulesPerFlop: joulesPerFlop(accelerator.power.joulesPerFlop * dynamicScale),
    joulesPerByte: joulesPerByte(accelerator.power.joulesPerByte * dynamicScale),
    pue: facility.pue,
    ...(targets.tpot === undefined ? {} : { tpot: targets.tpot }),
    ...(targets.ttft === undefined ? {} : { ttft: targets.ttft }),
    ...(facility.deliveredPower === undefined ? {} : { deliveredPower: facility.deliveredPower }),
    ...(facility.coolingCapacity === undefined ? {} : { coolingCapacity: facility.coolingCapacity }),
  };
  return plant;
};

import { ACCELERATORS, peakFlopPerSecondAt } from "../catalog/accelerators.js";
import { ENGINES } from "../catalog/engines.js";
import { acceleratorPrice } from "../catalog/prices.js";
import { FACILITIES } from "../catalog/facilities.js";
import { MODELS } from "../catalog/models.js";
import { WORKLOADS } from "../catalog/workloads.js";
import type { Facility } from "../domain/facility.js";
import type { Model } from "../domain/model.js";
import { tensorFormat } from "../domain/precision.js";
import type { Scenario } from "../domain/scenario.js";
import type { Workload } from "../domain/workload.js";
import {
  bandwidth,
  carbonIntensity,
  computeRate,
  energyPrice,
  formatQuantity,
  hourlyPrice,
  memory,
  power,
  time,
  waterIntensity,
  type Dimension,
  type Quantity,
  type QuantityKind,
} from "../units/index.js";

/** One assumption of a result: its value, unit, source, and whether the user set it. */
export interface Assumption {
  /** Dotted name ("facility.pue"). */
  readonly name: string;
  /** The value in its base unit (number) or a label. */
  readonly value: number | string;
  /** The value for people, with unit ("1.20 MW"). */
  readonly display: string;
  /** The base unit ("W", "1", …); "" for labels. */
  readonly unit: string;
  /** Where the value comes from. */
  readonly source: string;
  /** True when the scenario sets a value other than the catalog's or preset's. */
  readonly overridden: boolean;
}

const baseId = (id: string): string => id.replace(/\+custom$/, "");
const q = (value: number, kind: QuantityKind<Quantity<Dimension>>): string =>
  formatQuantity(value as Quantity<Dimension>, kind, { significantDigits: 4 });
const plain = (value: number): string => Number(value.toPrecision(6)).toString();
const asKind = <Q extends Quantity<Dimension>>(kind: QuantityKind<Q>) => kind as unknown as QuantityKind<Quantity<Dimension>>;

const row = (
  name: string,
  value: number | string,
  unit: string,
  display: string,
  source: string,
  reference: number | string | undefined,
): Assumption => ({ name, value, unit, display, source, overridden: reference === undefined ? true : reference !== value });

/**
 * Every assumption behind a scenario's numbers, with value, unit and source (catalog
 * provenance), and which ones the user overrode (differ from the catalog entry or preset).
 * @example assumptionsOf(scenario).filter((a) => a.overridden) // what the user changed
 */
export const assumptionsOf = (scenario: Scenario): Assumption[] => {
  const { accelerator, model, workload, facility, efficiency, precision } = scenario;
  const catalogAccelerator = (ACCELERATORS as Readonly<Record<string, typeof accelerator>>)[baseId(accelerator.id)];
  const catalogModel = (MODELS as Readonly<Record<string, Model>>)[baseId(model.id)];
  const preset = (WORKLOADS as Readonly<Record<string, Workload>>)[baseId(workload.id)];
  const facilityPreset = (FACILITIES as Readonly<Record<string, { facility: Facility; sources: Readonly<Partial<Record<keyof Facility, string>>> }>>)[facility.id] ?? FACILITIES.unconstrained;
  const engine = ENGINES[scenario.engine];
  const accSource = `${accelerator.source} (${accelerator.date})`;
  const { power: devicePower } = accelerator;
  const graded = (g: { source: string; date: string; grade: string }): string => `${g.grade}: ${g.source} (${g.date})`;
  const computeFormat = tensorFormat(precision.compute);
  const modelSource = `${model.source} (${model.date})`;
  const workloadSource = workload.source === undefined ? "scenario input" : `${workload.source} (${workload.date ?? ""})`;
  const peak = peakFlopPerSecondAt(accelerator, precision.compute) ?? 0;
  const catalogPeak = catalogAccelerator === undefined ? undefined : peakFlopPerSecondAt(catalogAccelerator, precision.compute);
  // The price the scenario falls back to (parseScenario): the catalog's for the accelerator,
  // else the preset's.
  const catalogPrice = acceleratorPrice(accelerator.id);
  const facilitySource = (key: keyof Facility): string => facilityPreset.sources[key] ?? "facility preset";
  const rows: Assumption[] = [
    row("accelerator", accelerator.id, "", accelerator.name, accSource, catalogAccelerator?.id),
    row("count", scenario.count, "1", String(scenario.count), "scenario input", scenario.count),
    row("replicas", scenario.replicas, "1", String(scenario.replicas), "scenario input", scenario.replicas),
    row("accelerator.peakFlopPerSecond", peak, "FLOP/s", `${q(peak, asKind(computeRate))} (${precision.compute}, dense)`, accSource, catalogPeak),
    row("accelerator.memoryCapacity", accelerator.memoryCapacity, "B", q(accelerator.memoryCapacity, asKind(memory)), accSource, catalogAccelerator?.memoryCapacity),
    row("accelerator.memoryBandwidth", accelerator.memoryBandwidth, "B/s", q(accelerator.memoryBandwidth, asKind(bandwidth)), accSource, catalogAccelerator?.memoryBandwidth),
    row("accelerator.maxPower", accelerator.maxPower, "W", q(accelerator.maxPower, asKind(power)), accSource, catalogAccelerator?.maxPower),
    row("accelerator.power.idlePower", devicePower.idlePower, "W", q(devicePower.idlePower, asKind(power)), graded(devicePower.idleSource), catalogAccelerator?.power.idlePower),
    row("accelerator.power.activePower", devicePower.activePower, "W", q(devicePower.activePower, asKind(power)), graded(devicePower.estimate), catalogAccelerator?.power.activePower),
    row("accelerator.power.powerLimitRange.min", devicePower.powerLimitRange.min, "W", q(devicePower.powerLimitRange.min, asKind(power)), graded(devicePower.powerLimitSource), catalogAccelerator?.power.powerLimitRange.min),
    row("accelerator.power.estimate.joulesPerFlop", devicePower.estimate.joulesPerFlop[computeFormat] ?? 0, "J/FLOP", `${(devicePower.estimate.joulesPerFlop[computeFormat] ?? 0).toExponential(3)} J/FLOP (${computeFormat})`, graded(devicePower.estimate), catalogAccelerator?.power.estimate.joulesPerFlop[computeFormat]),
    row("accelerator.power.estimate.joulesPerByte", devicePower.estimate.joulesPerByte, "J/B", `${devicePower.estimate.joulesPerByte.toExponential(3)} J/B`, graded(devicePower.estimate), catalogAccelerator?.power.estimate.joulesPerByte),
    row("accelerator.power.bound.joulesPerFlop", devicePower.bound.joulesPerFlop[computeFormat] ?? 0, "J/FLOP", `${(devicePower.bound.joulesPerFlop[computeFormat] ?? 0).toExponential(3)} J/FLOP (${computeFormat})`, graded(devicePower.bound), catalogAccelerator?.power.bound.joulesPerFlop[computeFormat]),
    row("accelerator.power.bound.joulesPerByte", devicePower.bound.joulesPerByte, "J/B", `${devicePower.bound.joulesPerByte.toExponential(3)} J/B`, graded(devicePower.bound), catalogAccelerator?.power.bound.joulesPerByte),
    row("model", model.id, "", model.name, modelSource, catalogModel?.id),
    row("model.totalParameters", model.totalParameters, "1", plain(model.totalParameters), modelSource, catalogModel?.totalParameters),
    row("model.activeParameters", model.activeParameters, "1", plain(model.activeParameters), modelSource, catalogModel?.activeParameters),
    ...(model.encoderParameters === undefined
      ? []
      : [row("model.encoderParameters", model.encoderParameters, "1", `${plain(model.encoderParameters)} (never run for text)`, modelSource, catalogModel?.encoderParameters)]),
    row("model.layers", model.layers, "1", String(model.layers), modelSource, catalogModel?.layers),
    row("model.kvHeads", model.kvHeads, "1", String(model.kvHeads), modelSource, catalogModel?.kvHeads),
    row("model.headDim", model.headDim, "1", String(model.headDim), modelSource, catalogModel?.headDim),
    row("precision.weights", precision.weights, "", precision.weights, "scenario input", precision.weights),
    row("precision.kv", precision.kv, "", precision.kv, "scenario input (default: bf16, vLLM's auto)", precision.kv),
    row("precision.compute", precision.compute, "", precision.compute, "scenario input (default: the weight format if the accelerator has it)", precision.compute),
    row("workload.inputTokens", workload.inputTokens, "token", plain(workload.inputTokens), workloadSource, preset?.inputTokens),
    row("workload.outputTokens", workload.outputTokens, "token", plain(workload.outputTokens), workloadSource, preset?.outputTokens),
    row("workload.concurrency", workload.concurrency, "1", plain(workload.concurrency), workloadSource, preset?.concurrency),
    row("facility.pue", facility.pue, "1", plain(facility.pue), facilitySource("pue"), facilityPreset.facility.pue),
    ...(facility.deliveredPower === undefined ? [] : [row("facility.deliveredPower", facility.deliveredPower, "W", q(facility.deliveredPower, asKind(power)), "scenario input", facility.deliveredPower)]),
    ...(facility.coolingCapacity === undefined ? [] : [row("facility.coolingCapacity", facility.coolingCapacity, "W", q(facility.coolingCapacity, asKind(power)), "scenario input", facility.coolingCapacity)]),
    row("facility.hostPowerPerNode", facility.hostPowerPerNode, "W", q(facility.hostPowerPerNode, asKind(power)), facilitySource("hostPowerPerNode"), facilityPreset.facility.hostPowerPerNode),
    row("facility.acceleratorsPerNode", facility.acceleratorsPerNode, "1", String(facility.acceleratorsPerNode), facilitySource("acceleratorsPerNode"), facilityPreset.facility.acceleratorsPerNode),
    row("facility.psuEfficiency", facility.psuEfficiency, "1", plain(facility.psuEfficiency), facilitySource("psuEfficiency"), facilityPreset.facility.psuEfficiency),
    row("facility.carbonIntensity", facility.carbonIntensity, "g/J", `${q(facility.carbonIntensity, asKind(carbonIntensity))} (${facility.carbonBasis}-based)`, facilitySource("carbonIntensity"), facilityPreset.facility.carbonIntensity),
    row("facility.waterIntensity", facility.waterIntensity, "L/J", q(facility.waterIntensity, asKind(waterIntensity)), facilitySource("waterIntensity"), facilityPreset.facility.waterIntensity),
    row("facility.electricityPrice", facility.electricityPrice, "USD/J", q(facility.electricityPrice, asKind(energyPrice)), facilitySource("electricityPrice"), facilityPreset.facility.electricityPrice),
    row(
      "facility.acceleratorHourPrice", facility.acceleratorHourPrice, "USD/s", q(facility.acceleratorHourPrice, asKind(hourlyPrice)),
      catalogPrice === undefined ? facilitySource("acceleratorHourPrice") : `${catalogPrice.source} (${catalogPrice.date})`,
      catalogPrice?.acceleratorHourPrice ?? facilityPreset.facility.acceleratorHourPrice,
    ),
    row("engine", scenario.engine, "", engine.name, graded(engine), "vllm"),
    row("parallelism.tensor", scenario.parallelism.tensor, "1", String(scenario.parallelism.tensor), "scenario input (default: count)", scenario.count),
    row("parallelism.expert", scenario.parallelism.expert, "1", String(scenario.parallelism.expert), "scenario input (default 1)", 1),
    row("parallelism.pipeline", scenario.parallelism.pipeline, "1", String(scenario.parallelism.pipeline), "scenario input (default 1)", 1),
    row("efficiency.compute", efficiency.compute, "1", plain(efficiency.compute), graded(accelerator.efficiency), accelerator.efficiency.compute),
    row("efficiency.computeHalfWidth", efficiency.computeHalfWidth, "1", plain(efficiency.computeHalfWidth), graded(accelerator.efficiency), accelerator.efficiency.computeHalfWidth),
    row("efficiency.bandwidth", efficiency.bandwidth, "1", plain(efficiency.bandwidth), graded(accelerator.efficiency), accelerator.efficiency.bandwidth),
    row("efficiency.memory", efficiency.memory, "1", plain(efficiency.memory), "vLLM default gpu_memory_utilization 0.9", 0.9),
    row("efficiency.stepOverhead", efficiency.stepOverhead, "s", q(efficiency.stepOverhead, asKind(time)), graded(engine), engine.stepOverhead),
    row("efficiency.sequenceOverhead", efficiency.sequenceOverhead, "s", q(efficiency.sequenceOverhead, asKind(time)), graded(engine), engine.sequenceOverhead),
    row("efficiency.layerLatency", efficiency.layerLatency, "s", q(efficiency.layerLatency, asKind(time)), graded(engine), engine.layerLatency),
    row("efficiency.expertLayerLatency", efficiency.expertLayerLatency, "s", q(efficiency.expertLayerLatency, asKind(time)), graded(engine), engine.expertLayerLatency),
    row("efficiency.quantizedExpertLayerLatency", efficiency.quantizedExpertLayerLatency, "s", q(efficiency.quantizedExpertLayerLatency, asKind(time)), graded(engine), engine.quantizedExpertLayerLatency),
    row("efficiency.overlap", efficiency.overlap, "1", plain(efficiency.overlap), graded(engine), engine.overlap),
    row("utilization", scenario.utilization, "1", plain(scenario.utilization), "scenario input (default 1: the operating point at the offered concurrency)", 1),
    row("theta", 1, "1", "1", "dimensionless TPF constant, default 1 (PAPER_NOTES.md)", 1),
  ];
  if (scenario.targets.tpot !== undefined) rows.push(row("targets.tpot", scenario.targets.tpot, "s", q(scenario.targets.tpot, asKind(time)), "scenario input", scenario.targets.tpot));
  if (scenario.targets.ttft !== undefined) rows.push(row("targets.ttft", scenario.targets.ttft, "s", q(scenario.targets.ttft, asKind(time)), "scenario input", scenario.targets.ttft));
  if (scenario.targets.qualityFloor !== undefined) rows.push(row("targets.qualityFloor", scenario.targets.qualityFloor, "1", plain(scenario.targets.qualityFloor), "scenario input", scenario.targets.qualityFloor));
  return rows;
};

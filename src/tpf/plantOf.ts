import { peakFlopPerSecondAt } from "../catalog/accelerators.js";
import type { Model } from "../domain/model.js";
import { tensorFormat, type Precision } from "../domain/precision.js";
import type { Parallelism, Scenario } from "../domain/scenario.js";
import type { Workload } from "../domain/workload.js";
import type { AttentionForm } from "../physics/attentionFlop.js";
import { kvBytesOverDecode } from "../physics/kvBytes.js";
import { recurrentStateBytes } from "../physics/recurrentState.js";
import { meanDecodePassFlop, prefillFlopPerRequest } from "../physics/requestFlop.js";
import { requestShape } from "../physics/requestShape.js";
import { expectedTokensPerStep } from "../physics/speculative.js";
import { expertLoadImbalance } from "../physics/expertLoad.js";
import { gemmEfficiency, kvReplication, prefillCommunicationTime, stepCommunicationTime, type Link } from "../physics/parallelLayout.js";
import { alwaysOnBytesPerParameter, alwaysOnParameters, parametersPerExpert, weightBytesResident, weightReader, type WeightLayout } from "../physics/weightBytes.js";
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

/** One model's per-request costs as the plant sees them, in one mode. */
interface ModelCosts {
  /** Prefill FLOP per request. */
  readonly prefillFlop: number;
  /** FLOP of one decode pass at the mean decode position. */
  readonly decodePassFlop: number;
  /** Weights held in memory (B). */
  readonly weightsResident: number;
  /** KV and recurrent-state bytes one decode step reads per sequence (B). */
  readonly readPerSequence: number;
  /** Shared-prefix KV bytes a decode step reads once for the whole batch (B). */
  readonly sharedRead: number;
  /** KV and recurrent-state bytes one sequence in flight holds on average, its own part (B). */
  readonly heldPerSequence: number;
  /** Shared-prefix KV held once per replica (B). */
  readonly sharedHeld: number;
}

// Which attention form each phase runs. The bound takes the fewest FLOP any engine needs in
// both phases; the estimate runs prefill naive and decode weight-absorbed (MLA), as vLLM and
// SGLang do. Without MLA the forms are the same.
const FORMS: Readonly<Record<Mode, { prefill: AttentionForm | "minimum"; decode: AttentionForm | "minimum" }>> = {
  bound: { prefill: "minimum", decode: "minimum" },
  estimate: { prefill: "naive", decode: "absorbed" },
};

// Without MLA the two forms are the same: one evaluation.
const flopIn = (model: Model, form: AttentionForm | "minimum", of: (f: AttentionForm) => number): number =>
  model.mla === undefined ? of("naive") : form === "minimum" ? Math.min(of("naive"), of("absorbed")) : of(form);

// costsOf is pure in immutable domain objects and the same model and workload come back on
// every evaluation of a scenario, of its two modes and of a sweep's rows: its results are kept
// per (model, workload) object and format/mode key. The caches hold the objects weakly.
interface CostsEntry {
  readonly weights: Precision;
  readonly kv: Precision;
  readonly mode: Mode;
  readonly replication: number;
  readonly costs: ModelCosts;
}
const COSTS = new WeakMap<Model, WeakMap<Workload, CostsEntry[]>>();

// The last lookup per mode, checked before the maps: evaluate() asks for the same model and
// workload in both modes, over and over in sweeps and searches.
const LAST: Record<Mode, { model: Model | undefined; workload: Workload | undefined; entry: CostsEntry | undefined }> = {
  bound: { model: undefined, workload: undefined, entry: undefined },
  estimate: { model: undefined, workload: undefined, entry: undefined },
};

const costsOf = (model: Model, weights: Precision, kv: Precision, workload: Workload, mode: Mode, replication = 1): ModelCosts => {
  const last = LAST[mode];
  const e0 = last.entry;
  if (last.model === model && last.workload === workload && e0 !== undefined && e0.weights === weights && e0.kv === kv && e0.replication === replication) {
    return e0.costs;
  }
  const entry = costsEntry(model, weights, kv, workload, mode, replication);
  last.model = model;
  last.workload = workload;
  last.entry = entry;
  return entry.costs;
};

const costsEntry = (model: Model, weights: Precision, kv: Precision, workload: Workload, mode: Mode, replication: number): CostsEntry => {
  let byWorkload = COSTS.get(model);
  if (byWorkload === undefined) COSTS.set(model, (byWorkload = new WeakMap()));
  let entries = byWorkload.get(workload);
  if (entries === undefined) byWorkload.set(workload, (entries = []));
  for (const e of entries) {
    if (e.weights === weights && e.kv === kv && e.mode === mode && e.replication === replication) return e;
  }
  const entry: CostsEntry = { weights, kv, mode, replication, costs: computeCosts(model, weights, kv, workload, mode, replication) };
  if (entries.length < 16) entries.push(entry);
  return entry;
};

const computeCosts = (model: Model, weights: Precision, kv: Precision, workload: Workload, mode: Mode, replication: number): ModelCosts => {
  const { shared } = requestShape(workload);
  const forms = FORMS[mode];
  // A recurrent state is held once per sequence and read and written once per step. The
  // estimate keeps it in the format the engine uses (Qwen3.5: fp32); the bound in the KV format.
  const state = recurrentStateBytes(model, mode === "bound" ? kv : (model.recurrentStatePrecision ?? kv));
  const stored = kvBytesOverDecode(model, kv, workload, "stored");
  // Without sparse attention a query reads what the cache holds.
  const read = model.attentionSparsity === undefined ? stored : kvBytesOverDecode(model, kv, workload, "read");
  // A common prefix is held once (prefix caching); only the bound reads it once per step
  // (cascade attention), vLLM's paged kernels read it for every sequence.
  const sharedHeld = shared > 0 ? kvBytesOverDecode(model, kv, workload, "stored", shared) : 0;
  const sharedRead = shared > 0 && mode === "bound" ? kvBytesOverDecode(model, kv, workload, "read", shared) : 0;
  return {
    prefillFlop: flopIn(model, forms.prefill, (f) => prefillFlopPerRequest(model, workload, f)),
    decodePassFlop: flopIn(model, forms.decode, (f) => meanDecodePassFlop(model, workload, f)),
    weightsResident: weightBytesResident(model, weights, mode !== "bound"),
    readPerSequence: (read - sharedRead) * replication + 2 * state,
    sharedRead,
    heldPerSequence: (stored - sharedHeld) * replication + state,
    sharedHeld: sharedHeld * replication,
  };
};

/** A layout's collectives before overlap (s): per step fixed and per sequence, and one prefill. */
interface LayoutCommunication {
  readonly fixed: number;
  readonly perSequence: number;
  readonly prefill: number;
}
const NO_COMMUNICATION: LayoutCommunication = { fixed: 0, perSequence: 0, prefill: 0 };

// The last layout's collectives: evaluate() and a sweep's rows ask for the same model, layout
// and link again and again.
let lastCommunication: {
  model: Model; parallelism: Parallelism; link: Link; positions: number; prompt: number; value: LayoutCommunication;
} | undefined;

/**
 * The collectives of a layout (s): every collective's time is linear in the positions it
 * carries (latency + bytes / bandwidth), so a step's is fixed + per sequence × batch.
 */
const layoutCommunication = (model: Model, parallelism: Parallelism, link: Link, positionsPerSequence: number, prompt: number): LayoutCommunication => {
  const last = lastCommunication;
  if (last !== undefined && last.model === model && last.parallelism === parallelism && last.link === link && last.positions === positionsPerSequence && last.prompt === prompt) {
    return last.value;
  }
  const fixed = stepCommunicationTime(model, parallelism, link, 0);
  const value = {
    fixed,
    perSequence: stepCommunicationTime(model, parallelism, link, positionsPerSequence / parallelism.pipeline) - fixed,
    prefill: prefillCommunicationTime(model, parallelism, link, prompt),
  };
  lastCommunication = { model, parallelism, link, positions: positionsPerSequence, prompt, value };
  return value;
};

/**
 * Reduces a scenario to the numbers the staves need, in one mode.
 * bound: η = 1, all memory usable, the fewest FLOP and bytes any engine needs (MoE reads only
 * the active experts; LM head only where logits are used; the cheaper attention form; a shared
 * prefix held and read once), no idle or active power and the lowest energy coefficients.
 * estimate: the scenario's efficiencies, expected expert reads, the fitted power model.
 * KV memory is sized at the mean occupancy of a sequence in flight (paged KV, continuous
 * batching), exact over its decode positions. `coResidentBytes` is memory held by another
 * model served on the same plant (routing).
 * With speculative decoding, each step verifies k + 1 positions of the target and runs k
 * draft passes per sequence, and yields E tokens; the FLOP and bytes below are per step
 * (bytes) or per output token (FLOP) accordingly.
 * @example plantOf(scenario, "bound").computeRate // N·peak FLOP/s of one replica
 */
export const plantOf = (scenario: Scenario, mode: Mode, coResidentBytes = 0): Plant => {
  const { accelerator, model, precision, workload, facility, targets, speculative, parallelism, efficiency } = scenario;
  const bound = mode === "bound";
  const peak = peakFlopPerSecondAt(accelerator, precision.compute) ?? flopPerSecond(0);
  const computeFraction = bound
    ? 1
    : gemmEfficiency(efficiency.compute, efficiency.computeHalfWidth, model.hiddenSize, parallelism.tensor);
  const bandwidthFraction = bound ? 1 : scenario.efficiency.bandwidth;
  const memoryFraction = bound ? 1 : scenario.efficiency.memory;
  const readMode = bound ? "minimum" : "expected";
  const energy = bound ? accelerator.power.bound : accelerator.power.estimate;
  // The estimate holds and reads KV as the layout places it (replicated across tensor ranks with
  // fewer KV heads than ranks, or an MLA latent on every rank); the bound as perfectly split.
  const replication = (m: Model): number => (bound ? 1 : kvReplication(m, parallelism.tensor));
  const target = costsOf(model, precision.weights, precision.kv, workload, mode, replication(model));
  const draft =
    speculative === undefined
      ? undefined
      : costsOf(speculative.draftModel, precision.weights, precision.kv, workload, mode, replication(speculative.draftModel));
  const draftLength = speculative?.draftLength ?? 0;
  const tokensPerStep =
    speculative === undefined ? 1 : expectedTokensPerStep(speculative.acceptanceRate, draftLength);
  const { decodePasses, prompt, cached } = requestShape(workload);
  // A request with one output token still needs one weight-streaming pass (its prefill).
  const decodeShare = Math.max(decodePasses, 1) / workload.outputTokens;
  // Token positions each sequence in a step puts through the layers: its k + 1 verified
  // positions, plus its share of the prompts whose prefill completes in the step.
  const positionsPerSequence = draftLength + 1 + tokensPerStep * (1 / decodeShare - 1) * (prompt - cached);
  const layout: WeightLayout = bound ? { expertDevices: 1, dataGroups: 1 } : { expertDevices: parallelism.expert, dataGroups: parallelism.data };
  const expertParallel = parallelism.expert > 1 && model.experts !== undefined;
  const expertLayers = model.experts === undefined ? 0 : (model.expertLayers ?? model.layers);
  const blockScaled = precision.weights === "fp8" || precision.weights === "int8";
  // The routed experts' share of a token's FLOP: the part the busiest expert-parallel device sets.
  const routedFlopShare = model.experts === undefined ? 0 : Math.min(1, (2 * model.experts.active * parametersPerExpert(model)) / (target.decodePassFlop || 1));
  const quantizedKernels = bound || !blockScaled ? 0 : (expertLayers * efficiency.quantizedExpertLayerLatency) / parallelism.pipeline;
  const layerOverhead = bound
    ? 0
    : (model.layers * efficiency.layerLatency + (expertParallel ? expertLayers * efficiency.expertLayerLatency : 0)) / parallelism.pipeline +
      quantizedKernels;
  const hidden = 1 - efficiency.overlap;
  // The staves ask for the same batch many times: the step's weight reads and communication
  // are worked out once per batch.
  const targetWeights = weightReader(model, precision.weights, readMode, layout);
  const draftWeights = speculative === undefined ? undefined : weightReader(speculative.draftModel, precision.weights, readMode, layout);
  // Every collective's time is linear in the positions it carries: latency + bytes / bandwidth.
  const communication = bound ? NO_COMMUNICATION : layoutCommunication(model, parallelism, accelerator.interconnect, positionsPerSequence, prompt - cached);
  const communicationFixed = hidden * communication.fixed;
  const communicationPerSequence = hidden * communication.perSequence;
  const prefill = target.prefillFlop + (draft?.prefillFlop ?? 0);
  // L_out − 1 tokens come from decode, E per step; each step runs k + 1 target positions and
  // k draft passes.
  const decode =
    (decodePasses / tokensPerStep) *
    ((draftLength + 1) * target.decodePassFlop + draftLength * (draft?.decodePassFlop ?? 0));
  const plant: { -readonly [K in keyof Plant]: Plant[K] } = {
    mode,
    replicas: scenario.replicas,
    accelerators: scenario.count,
    computeRate: flopPerSecond(scenario.count * peak * computeFraction),
    bandwidth: bytesPerSecond(scenario.count * accelerator.memoryBandwidth * bandwidthFraction),
    memory: bytes(scenario.count * accelerator.memoryCapacity * memoryFraction),
    flopPerOutputToken: flopPerOutputToken((prefill + decode) / workload.outputTokens),
    prefillFlopPerOutputToken: flopPerOutputToken(prefill / workload.outputTokens),
    prefillFlopPerRequest: flop(prefill),
    // Data-parallel attention groups each hold their own copy of the always-on weights.
    weightBytesResident: bytes(
      target.weightsResident + (draft?.weightsResident ?? 0) + coResidentBytes +
        (layout.dataGroups === 1 ? 0 : (layout.dataGroups - 1) * alwaysOnParameters(model) * alwaysOnBytesPerParameter(model, precision.weights)),
    ),
    weightBytesPerStep: (batch) =>
      bytes(targetWeights(batch * positionsPerSequence) + (draftWeights === undefined ? 0 : draftLength * draftWeights(batch))),
    kvBytesPerSequenceMean: bytes(target.readPerSequence + draftLength * (draft?.readPerSequence ?? 0)),
    kvBytesSharedRead: bytes(target.sharedRead + draftLength * (draft?.sharedRead ?? 0)),
    kvBytesPerSequenceHeld: bytes(target.heldPerSequence + (draft?.heldPerSequence ?? 0)),
    kvBytesShared: bytes(target.sharedHeld + (draft?.sharedHeld ?? 0)),
    tokensPerStep,
    decodeShare,
    stages: bound ? 1 : parallelism.pipeline,
    layerOverhead: seconds(layerOverhead),
    kernelOverhead: seconds(quantizedKernels),
    computeImbalance: bound || !expertParallel
      ? () => 1
      : (batch) => 1 + routedFlopShare * (expertLoadImbalance(model, (batch / parallelism.pipeline) * positionsPerSequence, parallelism.expert) - 1),
    communicationTime: bound || parallelism.tensor * parallelism.expert * parallelism.pipeline === 1
      ? () => 0
      : (batch) => communicationFixed + communicationPerSequence * batch,
    prefillLatency: seconds(0),
    stepOverhead: seconds(bound ? 0 : efficiency.stepOverhead),
    sequenceOverhead: seconds(bound ? 0 : efficiency.sequenceOverhead),
    concurrency: workload.concurrency,
    maxPower: accelerator.maxPower,
    clockFraction: accelerator.clockLock === undefined ? 1 : Math.min(1, accelerator.clockLock / accelerator.clock.peak),
    minClockFraction: Math.min(1, accelerator.clock.min / accelerator.clock.peak),
    // The bound's energy per FLOP is already the lowest any clock reaches: no further scaling.
    voltageFloor: bound ? 1 : accelerator.power.voltageFloor,
    idlePower: bound ? watts(0) : accelerator.power.idlePower,
    activePower: bound ? watts(0) : accelerator.power.activePower,
    joulesPerFlop: joulesPerFlop(energy.joulesPerFlop[tensorFormat(precision.compute)] ?? 0),
    joulesPerByte: joulesPerByte(energy.joulesPerByte),
    pue: facility.pue,
    // Every plant has the same fields (absent ones undefined), so the staves see one shape.
    tpot: targets.tpot,
    ttft: targets.ttft,
    deliveredPower: facility.deliveredPower,
    coolingCapacity: facility.coolingCapacity,
  };
  // One request alone: its prefill FLOP over the replica's compute at the top clock (the bound),
  // or, in the estimate, over the devices one request's layers run on (a pipeline runs its
  // stages one after another; data-parallel attention uses one group), plus every layer's
  // launch latency and the prompt's collectives.
  const clock = plant.clockFraction;
  plant.prefillLatency = seconds(
    bound
      ? prefill / (plant.computeRate * clock)
      : (prefill * parallelism.pipeline * parallelism.data) / (plant.computeRate * clock) +
          layerOverhead * parallelism.pipeline +
          hidden * communication.prefill,
  );
  return plant;
};

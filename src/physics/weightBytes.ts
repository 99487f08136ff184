import type { Model } from "../domain/model.js";
import { bytesPerElement, type Precision } from "../domain/precision.js";
import { bytes, type Bytes } from "../units/index.js";
import { touchedExpertsOnBusiestDevice } from "./expertLoad.js";
import { encoderParameters } from "./matmulParameters.js";

// A model's parameters split in two: routed experts (only the ones a token picks run) and the
// always-on rest (attention, dense layers, shared experts, router, embeddings). Per routed
// expert, (P_total − P_active)/(E − k) parameters over all MoE layers, from the two counts.

/** Parameters of one routed expert summed over the MoE layers (count); 0 for dense models. */
export const parametersPerExpert = (model: Model): number => {
  const experts = model.experts;
  return experts === undefined ? 0 : (model.totalParameters - model.activeParameters) / (experts.total - experts.active);
};

/** Parameters outside the routed experts (count): always on, every token runs them. */
export const alwaysOnParameters = (model: Model): number =>
  model.activeParameters - (model.experts?.active ?? 0) * parametersPerExpert(model);

/**
 * Bytes per always-on parameter (B): the weight format's, except for the parameters the model
 * keeps at a wider format (gpt-oss keeps attention, router and embeddings in bf16 under MXFP4
 * experts), blended by count. With `keep` false (the bound) every parameter takes the declared
 * format: an engine may quantize the kept tensors too, so the published checkpoint's wider
 * format is not a floor on the bytes.
 * @example alwaysOnBytesPerParameter(MODELS["gpt-oss-120b"], "mxfp4") // ≈ 2 (bf16 kept)
 */
export const alwaysOnBytesPerParameter = (model: Model, weights: Precision, keep = true): number => {
  const base = bytesPerElement(weights);
  const kept = model.keptPrecision;
  const always = alwaysOnParameters(model);
  if (!keep || kept === undefined || always <= 0) return base;
  const keptCount = Math.min(kept.parameters, always);
  return (keptCount * Math.max(base, bytesPerElement(kept.precision)) + (always - keptCount) * base) / always;
};

/**
 * Bytes of all weights held in memory (B): every parameter, every expert; `keep` as in
 * `alwaysOnBytesPerParameter` (false in the bound, which also leaves out encoders a text
 * request never runs: an engine may load the language model alone).
 * @example weightBytesResident(MODELS["llama-3.1-70b"], "fp8") // 70.55e9 B
 */
export const weightBytesResident = (model: Model, weights: Precision, keep = true): Bytes => {
  const always = alwaysOnParameters(model);
  const all = always * alwaysOnBytesPerParameter(model, weights, keep) + (model.totalParameters - always) * bytesPerElement(weights);
  return bytes(keep ? all : all - encoderParameters(model) * bytesPerElement(weights));
};

/**
 * The always-on parameters a step streams (count): all but an untied input-embedding table,
 * whose few used rows are a lookup, and encoders a text request never runs.
 */
const streamedAlwaysOn = (model: Model): number =>
  alwaysOnParameters(model) - encoderParameters(model) - (model.tiedEmbeddings ? 0 : model.vocabularySize * model.hiddenSize);

/**
 * Expected share of a layer's routed experts that a decode step of `batch` tokens touches:
 * 1 − (1 − k/E)^b, with uniform independent routing (1). 1 for dense models.
 */
export const touchedExpertFraction = (model: Model, batch: number): number => {
  const experts = model.experts;
  if (experts === undefined) return 1;
  return 1 - (1 - experts.active / experts.total) ** Math.max(batch, 1);
};

/** How the estimate reads weights across a replica's devices. */
export interface WeightLayout {
  /** Devices the routed experts are spread over (count; 1 = every device holds a slice of every expert). */
  readonly expertDevices: number;
  /** Data-parallel attention groups, each streaming its own copy of the always-on weights (count). */
  readonly dataGroups: number;
}

const SINGLE: WeightLayout = { expertDevices: 1, dataGroups: 1 };

/**
 * Weight bytes one decode step reads (B) as a function of the tokens it routes, with the
 * model's constants worked out once (the staves call it many times per evaluation), in the
 * per-device view scaled to the replica: the busiest device's reads × the devices, so that
 * ÷ (N·B) gives the step's memory time.
 * - `minimum` (for the bound): dense models all weights; MoE only the active set, as if every
 *   token in the batch chose the same experts; no replication; every tensor in the declared
 *   format (kept wider formats are the checkpoint's choice, not a physical floor).
 * - `expected` (for the estimate): the always-on part once per data-parallel group, plus the
 *   routed experts the batch is expected to touch (uniform routing) on the busiest
 *   expert-parallel device, times the expert-parallel devices.
 * @example weightReader(MODELS["qwen3-30b-a3b"], "bf16", "expected")(64) // B
 */
export const weightReader = (
  model: Model,
  weights: Precision,
  mode: "minimum" | "expected",
  layout: WeightLayout = SINGLE,
): ((tokens: number) => Bytes) => {
  // Dense readers and the bound's are constant: one per model, format and layout.
  let entries = READERS.get(model);
  if (entries === undefined) READERS.set(model, (entries = []));
  for (const e of entries) {
    if (e.weights === weights && e.mode === mode && e.expertDevices === layout.expertDevices && e.dataGroups === layout.dataGroups) return e.reader;
  }
  const reader = makeReader(model, weights, mode, layout);
  // Expected MoE readers keep a last-batch cache; they are not shared.
  if (entries.length < 16 && (model.experts === undefined || mode === "minimum")) {
    entries.push({ weights, mode, expertDevices: layout.expertDevices, dataGroups: layout.dataGroups, reader });
  }
  return reader;
};

interface ReaderEntry {
  readonly weights: Precision;
  readonly mode: "minimum" | "expected";
  readonly expertDevices: number;
  readonly dataGroups: number;
  readonly reader: (tokens: number) => Bytes;
}
const READERS = new WeakMap<Model, ReaderEntry[]>();

const makeReader = (
  model: Model,
  weights: Precision,
  mode: "minimum" | "expected",
  layout: WeightLayout,
): ((tokens: number) => Bytes) => {
  const routedBytes = bytesPerElement(weights);
  // The bound's minimum reads the kept tensors in the declared format too (see alwaysOnBytesPerParameter).
  const alwaysOn = streamedAlwaysOn(model) * alwaysOnBytesPerParameter(model, weights, mode === "expected");
  const experts = model.experts;
  if (experts === undefined) {
    const dense = bytes(alwaysOn * (mode === "minimum" ? 1 : layout.dataGroups));
    return () => dense;
  }
  const perExpert = parametersPerExpert(model);
  const activeRouted = experts.active * perExpert * routedBytes;
  if (mode === "minimum") {
    const minimum = bytes(alwaysOn + activeRouted);
    return () => minimum;
  }
  const devices = layout.expertDevices;
  const replicated = alwaysOn * layout.dataGroups;
  let lastTokens = Number.NaN;
  let lastBytes = bytes(0);
  return (tokens) => {
    if (tokens !== lastTokens) {
      const touched = devices * touchedExpertsOnBusiestDevice(model, tokens, devices) * perExpert * routedBytes;
      lastTokens = tokens;
      lastBytes = bytes(replicated + Math.max(touched, activeRouted));
    }
    return lastBytes;
  };
};

/**
 * Weight bytes one decode step of `batch` routed tokens reads (B); see weightReader.
 * @example weightBytesPerStep(MODELS["qwen3-30b-a3b"], "bf16", 64, "expected") // B
 */
export const weightBytesPerStep = (
  model: Model,
  weights: Precision,
  batch: number,
  mode: "minimum" | "expected",
  layout: WeightLayout = SINGLE,
): Bytes => weightReader(model, weights, mode, layout)(batch);

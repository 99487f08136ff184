import * as E from "fp-ts/lib/Either.js";
import { ACCELERATORS, peakFlopPerSecondAt } from "../catalog/accelerators.js";
import { didYouMean, findId } from "../catalog/closestIds.js";
import { ENGINES } from "../catalog/engines.js";
import { FACILITIES, GRIDS } from "../catalog/facilities.js";
import { MODELS } from "../catalog/models.js";
import { acceleratorPrice } from "../catalog/prices.js";
import { WORKLOADS } from "../catalog/workloads.js";
import type { Accelerator } from "../domain/accelerator.js";
import type { Facility } from "../domain/facility.js";
import type { Model } from "../domain/model.js";
import type { Precision, PrecisionSet } from "../domain/precision.js";
import type { EngineId, Efficiency, Parallelism, Scenario } from "../domain/scenario.js";
import type { Workload } from "../domain/workload.js";
import { ratio, seconds } from "../units/index.js";
import { scenarioError, type ScenarioError, type ScenarioIssue } from "./scenarioError.js";
import { layoutProblems } from "../domain/layoutRules.js";
import { mergeAccelerator } from "./mergeAccelerator.js";
import { scenarioFieldsAt, scenarioInputSchema, type ScenarioInput } from "./scenarioSchema.js";

type Issues = ScenarioIssue[];

const lookup = <T>(
  table: Readonly<Record<string, T>>,
  id: string,
  path: string,
  what: string,
  issues: Issues,
): T | undefined => {
  // Ids match ignoring case ("h100-sxm" is "H100-SXM"); an unknown one gets the near ids.
  const ids = Object.keys(table);
  const found = findId(ids, id);
  if (found !== undefined) return table[found];
  issues.push({ path, message: `unknown ${what} ${JSON.stringify(id)}${didYouMean(ids, id)}; expected one of ${ids.join(", ")}` });
  return undefined;
};

/** `{ [key]: value }` when value is defined, else `{}` (exactOptionalPropertyTypes). */
const optionalField = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** The fields of an object that are not undefined (zod's optional fields are `T | undefined`). */
const defined = <T extends object>(object: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

const resolveAccelerator = (input: ScenarioInput["accelerator"], issues: Issues): Accelerator | undefined => {
  if (typeof input === "string") return lookup(ACCELERATORS, input, "accelerator", "accelerator", issues);
  const base = input.base === undefined ? undefined : lookup(ACCELERATORS, input.base, "accelerator.base", "accelerator", issues);
  if (input.base !== undefined && base === undefined) return undefined;
  if (base === undefined) {
    for (const key of ["peakFlopPerSecond", "memoryCapacity", "memoryBandwidth", "maxPower"] as const) {
      if (input[key] === undefined) issues.push({ path: `accelerator.${key}`, message: "required for an accelerator without a catalog base" });
    }
  }
  return mergeAccelerator(base ?? ACCELERATORS["H100-SXM"], base !== undefined, input, issues);
};

// Cross-field checks of a resolved model (inline or a catalog base with overrides): each a
// message naming the field, the value and what was expected.
const modelConsistency = (model: Model, path: string): Issues => {
  const issues: Issues = [];
  const problem = (field: string, message: string) => issues.push({ path: `${path}.${field}`, message });
  if (model.activeParameters > model.totalParameters) {
    problem("activeParameters", `expected at most totalParameters (${model.totalParameters}), got ${model.activeParameters}`);
  }
  const chunked = model.chunkedAttentionLayers ?? 0;
  if (model.attentionLayers + model.slidingWindowLayers + chunked > model.layers) {
    problem("attentionLayers", `expected attentionLayers + slidingWindowLayers + chunkedAttentionLayers <= layers (${model.layers}), got ${model.attentionLayers} + ${model.slidingWindowLayers} + ${chunked}`);
  }
  if (chunked > 0 && model.attentionChunk === undefined) {
    problem("attentionChunk", `required with ${chunked} chunked-attention layers`);
  }
  if (model.expertLayers !== undefined && (model.experts === undefined || model.expertLayers > model.layers)) {
    problem("expertLayers", `expected at most layers (${model.layers}) and an experts layout, got ${model.expertLayers}`);
  }
  if (model.slidingWindowLayers > 0 && !(model.slidingWindow >= 1)) {
    problem("slidingWindow", `expected a window >= 1 token with ${model.slidingWindowLayers} sliding-window layers, got ${model.slidingWindow}`);
  }
  if (model.kvHeads > model.attentionHeads) {
    problem("kvHeads", `expected at most attentionHeads (${model.attentionHeads}), got ${model.kvHeads}`);
  } else if (model.attentionHeads % model.kvHeads !== 0) {
    problem("kvHeads", `expected a divisor of attentionHeads (${model.attentionHeads}): query heads share KV heads in equal groups, got ${model.kvHeads}`);
  }
  if (model.kvLatentDim !== undefined && model.kvLatentDim > 2 * model.kvHeads * model.headDim) {
    problem("kvLatentDim", `expected at most the 2 × kvHeads × headDim = ${2 * model.kvHeads * model.headDim} elements it replaces, got ${model.kvLatentDim}`);
  }
  if (model.experts !== undefined) {
    if (model.experts.active >= model.experts.total) {
      problem("experts.active", `expected fewer active experts than total (${model.experts.total}), got ${model.experts.active}`);
    }
    if (model.activeParameters >= model.totalParameters) {
      problem("activeParameters", `expected fewer than totalParameters (${model.totalParameters}) for a mixture of experts, got ${model.activeParameters}`);
    }
  }
  if (model.vocabularySize * model.hiddenSize >= model.activeParameters && !model.tiedEmbeddings) {
    problem("vocabularySize", `expected an untied embedding table (vocabularySize × hiddenSize = ${model.vocabularySize * model.hiddenSize}) smaller than activeParameters (${model.activeParameters}), got vocabularySize ${model.vocabularySize}`);
  }
  return issues;
};

const resolveModel = (input: ScenarioInput["model"], issues: Issues, path = "model"): Model | undefined => {
  const models: Readonly<Record<string, Model>> = MODELS;
  if (typeof input === "string") return lookup(models, input, path, "model", issues);
  const base = input.base === undefined ? undefined : lookup(models, input.base, `${path}.base`, "model", issues);
  if (input.base !== undefined && base === undefined) return undefined;
  const { base: _ignored, ...fields } = input;
  const required = ["totalParameters", "layers", "hiddenSize", "attentionHeads", "kvHeads", "headDim"] as const;
  if (base === undefined) {
    for (const key of required) {
      if (fields[key] === undefined) issues.push({ path: `${path}.${key}`, message: "required for a model without a catalog base" });
    }
    if (issues.length > 0) return undefined;
  }
  const total = fields.totalParameters ?? base?.totalParameters ?? 0;
  const layers = fields.layers ?? base?.layers ?? 0;
  const model: Model = {
    id: base === undefined ? "custom" : `${base.id}+custom`,
    name: fields.name ?? base?.name ?? "custom",
    totalParameters: total,
    activeParameters: fields.activeParameters ?? base?.activeParameters ?? total,
    layers,
    attentionLayers: fields.attentionLayers ?? base?.attentionLayers ?? layers,
    slidingWindowLayers: fields.slidingWindowLayers ?? base?.slidingWindowLayers ?? 0,
    slidingWindow: fields.slidingWindow ?? base?.slidingWindow ?? 0,
    hiddenSize: fields.hiddenSize ?? base?.hiddenSize ?? 0,
    attentionHeads: fields.attentionHeads ?? base?.attentionHeads ?? 0,
    kvHeads: fields.kvHeads ?? base?.kvHeads ?? 0,
    headDim: fields.headDim ?? base?.headDim ?? 0,
    vocabularySize: fields.vocabularySize ?? base?.vocabularySize ?? 0,
    tiedEmbeddings: fields.tiedEmbeddings ?? base?.tiedEmbeddings ?? true,
    source: fields.source ?? "user input",
    date: fields.date ?? "user input",
    ...((fields.kvLatentDim ?? base?.kvLatentDim) === undefined ? {} : { kvLatentDim: (fields.kvLatentDim ?? base?.kvLatentDim) as number }),
    ...optionalField("chunkedAttentionLayers", fields.chunkedAttentionLayers ?? base?.chunkedAttentionLayers),
    ...optionalField("attentionChunk", fields.attentionChunk ?? base?.attentionChunk),
    ...optionalField("qkHeadDim", fields.qkHeadDim ?? base?.qkHeadDim),
    ...optionalField("valueHeadDim", fields.valueHeadDim ?? base?.valueHeadDim),
    ...optionalField("mla", fields.mla ?? base?.mla),
    ...optionalField("expertLayers", fields.expertLayers ?? base?.expertLayers),
    ...optionalField("keptPrecision", (fields.keptPrecision ?? base?.keptPrecision) as Model["keptPrecision"]),
    ...optionalField("recurrentStatePrecision", (fields.recurrentStatePrecision ?? base?.recurrentStatePrecision) as Precision | undefined),
    ...((fields.recurrentStateElements ?? base?.recurrentStateElements) === undefined
      ? {}
      : { recurrentStateElements: (fields.recurrentStateElements ?? base?.recurrentStateElements)! }),
    ...((fields.experts ?? base?.experts) === undefined ? {} : { experts: (fields.experts ?? base?.experts)! }),
    ...((fields.attentionSparsity ?? base?.attentionSparsity) === undefined
      ? {}
      : { attentionSparsity: defined((fields.attentionSparsity ?? base?.attentionSparsity)!) }),
  };
  issues.push(...modelConsistency(model, path));
  return model;
};

const resolveWorkload = (input: ScenarioInput["workload"], issues: Issues): Workload | undefined => {
  if (typeof input === "string") return lookup(WORKLOADS, input, "workload", "workload preset", issues);
  const inputTokens = input.inputTokens ?? (input.preset === undefined ? undefined : (WORKLOADS as Readonly<Record<string, Workload>>)[input.preset]?.inputTokens) ?? 0;
  if (input.sharedPrefixTokens !== undefined && input.sharedPrefixTokens > inputTokens) {
    issues.push({ path: "workload.sharedPrefixTokens", message: `expected at most inputTokens (${inputTokens}), got ${input.sharedPrefixTokens}` });
  }
  const preset = input.preset === undefined ? undefined : lookup(WORKLOADS, input.preset, "workload.preset", "workload preset", issues);
  if (input.preset !== undefined && preset === undefined) return undefined;
  if (preset === undefined) {
    for (const key of ["inputTokens", "outputTokens", "concurrency"] as const) {
      if (input[key] === undefined) issues.push({ path: `workload.${key}`, message: "required without a workload preset" });
    }
  }
  return {
    id: preset === undefined ? "custom" : `${preset.id}${Object.keys(input).length > 1 ? "+custom" : ""}`,
    inputTokens: input.inputTokens ?? preset?.inputTokens ?? 0,
    outputTokens: input.outputTokens ?? preset?.outputTokens ?? 1,
    concurrency: input.concurrency ?? preset?.concurrency ?? 1,
    ...optionalField("sharedPrefixTokens", input.sharedPrefixTokens),
    ...(preset === undefined ? {} : { source: preset.source, date: preset.date }),
  };
};

const resolveFacility = (input: ScenarioInput["facility"], issues: Issues): Facility | undefined => {
  if (input === undefined) return FACILITIES.unconstrained.facility;
  if (typeof input === "string") return lookup(FACILITIES, input, "facility", "facility preset", issues)?.facility;
  const preset = input.preset === undefined ? FACILITIES.unconstrained : lookup(FACILITIES, input.preset, "facility.preset", "facility preset", issues);
  if (preset === undefined) return undefined;
  const grid = input.grid === undefined ? undefined : lookup(GRIDS, input.grid, "facility.grid", "grid", issues);
  const { preset: _p, grid: _g, ...fields } = input;
  return {
    ...preset.facility,
    ...(grid === undefined ? {} : { carbonIntensity: grid.carbonIntensity, carbonBasis: grid.basis }),
    ...defined(fields),
    id: input.preset === undefined ? "custom" : preset.facility.id,
  };
};

/**
 * Price precedence: the scenario's own facility.acceleratorHourPrice, then the catalog's price
 * for its accelerator (src/catalog/prices.ts), then the facility preset's.
 */
const withAcceleratorPrice = (facility: Facility, accelerator: Accelerator, input: ScenarioInput["facility"]): Facility => {
  if (typeof input === "object" && input.acceleratorHourPrice !== undefined) return facility;
  const catalog = acceleratorPrice(accelerator.id);
  return catalog === undefined ? facility : { ...facility, acceleratorHourPrice: catalog.acceleratorHourPrice };
};

const defaultCompute = (weights: Precision, accelerator: Accelerator): Precision => {
  if (weights !== "int4" && peakFlopPerSecondAt(accelerator, weights) !== undefined) return weights;
  return peakFlopPerSecondAt(accelerator, "bf16") !== undefined ? "bf16" : "fp16";
};

const defaultKv = (weights: Precision): Precision =>
  weights === "fp32" ? "fp32" : weights === "fp16" ? "fp16" : "bf16";

const resolvePrecision = (
  input: ScenarioInput["precision"],
  accelerator: Accelerator,
  issues: Issues,
  path = "precision",
): PrecisionSet => {
  const given = typeof input === "string" ? { weights: input as Precision } : (input as { weights: Precision; kv?: Precision; compute?: Precision });
  const compute = given.compute ?? defaultCompute(given.weights, accelerator);
  if (peakFlopPerSecondAt(accelerator, compute) === undefined) {
    const supported = Object.keys(accelerator.peakFlopPerSecond).join(", ");
    issues.push({ path: `${path}.compute`, message: `${accelerator.id} has no ${compute} tensor cores; supported: ${supported}` });
  }
  return { weights: given.weights, kv: given.kv ?? defaultKv(given.weights), compute };
};

/**
 * Estimate-mode efficiencies: the accelerator's fractions of peak (fitted where ML.ENERGY has runs
 * on it or on the catalog part an inline accelerator is based on, derived otherwise), the engine
 * profile's per-step costs, vLLM's default memory fraction 0.9, and the scenario's overrides.
 */
const resolveEfficiency = (accelerator: Accelerator, engine: EngineId, given: ScenarioInput["efficiency"]): Efficiency => {
  const profile = ENGINES[engine];
  return {
    compute: given?.compute ?? ratio(accelerator.efficiency.compute),
    computeHalfWidth: given?.computeHalfWidth ?? accelerator.efficiency.computeHalfWidth,
    bandwidth: given?.bandwidth ?? ratio(accelerator.efficiency.bandwidth),
    memory: given?.memory ?? ratio(0.9),
    stepOverhead: given?.stepOverhead ?? seconds(profile.stepOverhead),
    sequenceOverhead: given?.sequenceOverhead ?? seconds(profile.sequenceOverhead),
    layerLatency: given?.layerLatency ?? seconds(profile.layerLatency),
    expertLayerLatency: given?.expertLayerLatency ?? seconds(profile.expertLayerLatency),
    quantizedExpertLayerLatency: given?.quantizedExpertLayerLatency ?? seconds(profile.quantizedExpertLayerLatency),
    overlap: given?.overlap ?? ratio(profile.overlap),
  };
};

/**
 * The replica's layout: defaults tensor = count / (pipeline × data), expert 1, pipeline 1,
 * data 1; checked by layoutProblems (src/domain/layoutRules.ts), the rules planSearch obeys too.
 */
const resolveParallelism = (given: ScenarioInput["parallelism"], count: number, model: Model, issues: Issues): Parallelism => {
  const pipeline = given?.pipeline ?? 1;
  const data = given?.data ?? 1;
  const tensor = given?.tensor ?? Math.max(1, Math.round(count / (pipeline * data)));
  const expert = given?.expert ?? 1;
  const layout = { tensor, expert, pipeline, data };
  issues.push(...layoutProblems(layout, count, model));
  return layout;
};

/** " (did you mean …?)" for one unknown field near a known one at its path, else "". */
const nearFields = (path: readonly PropertyKey[], keys: readonly string[]): string => {
  const known = keys.length === 1 ? scenarioFieldsAt(path) : undefined;
  return known === undefined ? "" : didYouMean(known, keys[0]!);
};

const zodIssues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string; keys?: readonly string[] }[] }): Issues =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message:
      issue.code === "unrecognized_keys"
        ? `unknown field${(issue.keys?.length ?? 0) > 1 ? "s" : ""} ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(", ")}${nearFields(issue.path, issue.keys ?? [])}`
        : issue.message.replace(/^Invalid input: /, "").replace(/^./, (c) => c.toLowerCase()),
  }));

/**
 * Parses an outside scenario document (DESIGN §6) into a resolved Scenario: catalog ids
 * looked up, quantities converted to SI, defaults filled. Never throws; a Left lists every
 * problem with its field path, the value and what was expected.
 * @example parseScenario({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b",
 *   precision: "fp8", workload: "chat" })
 */
export const parseScenario = (input: unknown): E.Either<ScenarioError, Scenario> => {
  const parsed = scenarioInputSchema.safeParse(input);
  if (!parsed.success) return E.left(scenarioError(zodIssues(parsed.error)));
  const raw = parsed.data;
  const issues: Issues = [];
  const accelerator = resolveAccelerator(raw.accelerator, issues);
  const model = resolveModel(raw.model, issues);
  const workload = resolveWorkload(raw.workload, issues);
  const facility = resolveFacility(raw.facility, issues);
  const precision = accelerator === undefined ? undefined : resolvePrecision(raw.precision, accelerator, issues);
  if (issues.length > 0 || !accelerator || !model || !workload || !facility || !precision) {
    return E.left(scenarioError(issues));
  }
  const speculative =
    raw.speculative === undefined ? undefined : resolveModel(raw.speculative.draftModel, issues, "speculative.draftModel");
  const routedModel = raw.routing === undefined ? undefined : resolveModel(raw.routing.model, issues, "routing.model");
  const routedPrecision =
    raw.routing === undefined ? undefined : resolvePrecision(raw.routing.precision ?? raw.precision, accelerator, issues, "routing.precision");
  const parallelism = resolveParallelism(raw.parallelism, raw.count, model, issues);
  if (issues.length > 0) return E.left(scenarioError(issues));
  const engine: EngineId = raw.engine ?? "vllm";
  const targets = raw.targets ?? {};
  const quality = raw.quality ?? 1;
  return E.right({
    accelerator,
    count: raw.count,
    parallelism,
    engine,
    replicas: raw.replicas ?? 1,
    model,
    precision,
    workload,
    facility: withAcceleratorPrice(facility, accelerator, raw.facility),
    targets: {
      ...(targets.ttft === undefined ? {} : { ttft: targets.ttft }),
      ...(targets.tpot === undefined ? {} : { tpot: targets.tpot }),
      ...(targets.qualityFloor === undefined ? {} : { qualityFloor: targets.qualityFloor }),
    },
    efficiency: resolveEfficiency(accelerator, engine, raw.efficiency),
    utilization: raw.utilization ?? ratio(1),
    quality,
    ...(raw.speculative === undefined || speculative === undefined
      ? {}
      : {
          speculative: {
            acceptanceRate: raw.speculative.acceptanceRate,
            draftLength: raw.speculative.draftLength,
            draftModel: speculative,
          },
        }),
    ...(raw.routing === undefined || routedModel === undefined || routedPrecision === undefined
      ? {}
      : {
          routing: {
            share: raw.routing.share,
            model: routedModel,
            precision: routedPrecision,
            quality: raw.routing.quality ?? quality,
          },
        }),
  });
};

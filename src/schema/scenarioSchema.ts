import { z } from "zod";
import { PRECISIONS, type Precision } from "../domain/precision.js";
import { didYouMean, findId } from "../catalog/closestIds.js";
import {
  bandwidth,
  frequency,
  type FlopPerSecond,
  carbonIntensity,
  computeRate,
  energyPrice,
  hourlyPrice,
  memory,
  power,
  ratioKind,
  time,
  waterIntensity,
} from "../units/index.js";
import { rangedNumber, rangedQuantity } from "./rangedSchemas.js";

// The outside shape of a scenario (DESIGN §6). Quantities accept SI numbers or unit strings.
// Objects are strict: a misspelt key is an error, not a silently ignored field. Every numeric
// field is checked against its entry in src/domain/ranges.ts, the table the levers, crossover,
// uncertain, sweep and plan check against too. Every schema is built once, at module load:
// building zod objects per parse cost most of parseScenario's time.

const ranged = rangedQuantity;

/** A JSON object (not null, not an array). */
const isObject = (input: unknown): input is Record<string, unknown> => typeof input === "object" && input !== null && !Array.isArray(input);

/** What kind of value was given where a string or an object was expected, for messages. */
const givenKind = (input: unknown): string =>
  input === undefined ? "nothing (the field is required)" : input === null ? "null" : Array.isArray(input) ? "an array" : typeof input;

/**
 * A field that is either a catalog id (string) or an object. Dispatching on the type first,
 * instead of a zod union, keeps the object's own field errors (a union reports "Invalid input").
 */
const idOr = <T extends z.ZodType>(objectSchema: T, what: string) =>
  z.unknown().transform((input, ctx): string | z.output<T> => {
    if (typeof input === "string") return input;
    if (!isObject(input)) {
      ctx.issues.push({ code: "custom", message: `expected ${what} id (string) or object, got ${givenKind(input)}`, input });
      return z.NEVER;
    }
    const parsed = objectSchema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.issues.push({ code: "custom", message: innerMessage(objectSchema, issue), path: issue.path as PropertyKey[], input });
    }
    return z.NEVER;
  });

/** An inner object's issue as the scenario reports it: unknown fields named, with a near known one. */
const innerMessage = (objectSchema: unknown, issue: z.core.$ZodIssue): string => {
  if (issue.code !== "unrecognized_keys") return issue.message;
  const keys = issue.keys;
  const known = keys.length === 1 && issue.path.length === 0 ? fieldsOf(objectSchema) : undefined;
  return `unknown field${keys.length > 1 ? "s" : ""} ${keys.map((k) => JSON.stringify(k)).join(", ")}${known === undefined ? "" : didYouMean(known, keys[0]!)}`;
};

/**
 * One of a fixed set of ids, matched ignoring case ("FP8" is "fp8", "VLLM" is "vllm") like the
 * catalog ids, with a "did you mean" for a near miss.
 */
const forgivingId = <T extends string>(ids: readonly T[]) =>
  z.unknown().transform((input, ctx): T => {
    const id = typeof input === "string" ? findId(ids, input) : undefined;
    if (id !== undefined) return id as T;
    ctx.issues.push({
      code: "custom",
      message: `expected one of ${ids.join(", ")}, got ${JSON.stringify(input)}${typeof input === "string" ? didYouMean(ids, input) : ""}`,
      input,
    });
    return z.NEVER;
  });

const precision = forgivingId(PRECISIONS as readonly string[]);

const precisionObject = z.strictObject({ weights: precision, kv: precision.optional(), compute: precision.optional() });

/** A precision given as a bare string ("fp8") or as { weights, kv?, compute? }. */
const precisionField = z.unknown().transform((input, ctx): string | { weights: string; kv?: string; compute?: string } => {
  if (typeof input !== "string" && !isObject(input)) {
    ctx.issues.push({ code: "custom", message: `expected a precision ("fp8") or { weights, kv?, compute? }, got ${givenKind(input)}`, input });
    return z.NEVER;
  }
  const parsed = typeof input === "string" ? precision.safeParse(input) : precisionObject.safeParse(input);
  if (parsed.success) return parsed.data as string | { weights: string };
  for (const issue of parsed.error.issues) ctx.issues.push({ code: "custom", message: issue.message, path: issue.path as PropertyKey[], input });
  return z.NEVER;
});

const peakFlop = ranged("accelerator.peakFlopPerSecond", computeRate);

/**
 * Peak FLOP/s per format, merged over the base's (src/schema/mergeAccelerator.ts): a format
 * given replaces the base's, `null` removes it (a part without that format), the others stay.
 */
const peakFlopRecord = z.unknown().transform((input, ctx): Partial<Record<Precision, FlopPerSecond | null>> => {
  if (!isObject(input)) {
    ctx.issues.push({ code: "custom", message: `expected an object { format: FLOP/s } with formats among ${PRECISIONS.join(", ")}, got ${givenKind(input)}`, input });
    return z.NEVER;
  }
  const out: Partial<Record<Precision, FlopPerSecond | null>> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(PRECISIONS as readonly string[]).includes(key)) {
      ctx.issues.push({ code: "custom", message: `unknown format ${JSON.stringify(key)}; expected one of ${PRECISIONS.join(", ")}`, path: [key], input });
      continue;
    }
    if (value === null) {
      out[key as Precision] = null;
      continue;
    }
    const parsed = peakFlop.safeParse(value);
    if (parsed.success) out[key as Precision] = parsed.data;
    else for (const issue of parsed.error.issues) ctx.issues.push({ code: "custom", message: issue.message, path: [key], input });
  }
  return out;
});

const acceleratorFields = z.strictObject({
  base: z.string().optional(),
  name: z.string().optional(),
  peakFlopPerSecond: peakFlopRecord.optional(),
  memoryCapacity: ranged("accelerator.memoryCapacity", memory).optional(),
  memoryBandwidth: ranged("accelerator.memoryBandwidth", bandwidth).optional(),
  maxPower: ranged("accelerator.maxPower", power).optional(),
  idlePower: ranged("accelerator.idlePower", power).optional(),
  activePower: ranged("accelerator.activePower", power).optional(),
  clockLock: ranged("accelerator.clockLock", frequency).optional(),
  source: z.string().optional(),
  date: z.string().optional(),
});

const modelFields = z.strictObject({
  base: z.string().optional(),
  name: z.string().optional(),
  totalParameters: rangedNumber("model.totalParameters").optional(),
  activeParameters: rangedNumber("model.activeParameters").optional(),
  layers: rangedNumber("model.layers").optional(),
  attentionLayers: rangedNumber("model.attentionLayers").optional(),
  slidingWindowLayers: rangedNumber("model.slidingWindowLayers").optional(),
  slidingWindow: rangedNumber("model.slidingWindow").optional(),
  chunkedAttentionLayers: rangedNumber("model.chunkedAttentionLayers").optional(),
  attentionChunk: rangedNumber("model.attentionChunk").optional(),
  hiddenSize: rangedNumber("model.hiddenSize").optional(),
  attentionHeads: rangedNumber("model.attentionHeads").optional(),
  kvHeads: rangedNumber("model.kvHeads").optional(),
  headDim: rangedNumber("model.headDim").optional(),
  kvLatentDim: rangedNumber("model.kvLatentDim").optional(),
  qkHeadDim: rangedNumber("model.qkHeadDim").optional(),
  valueHeadDim: rangedNumber("model.valueHeadDim").optional(),
  mla: z
    .strictObject({
      latentRank: rangedNumber("model.mla.latentRank"),
      ropeDim: rangedNumber("model.mla.ropeDim"),
    })
    .optional(),
  recurrentStateElements: rangedNumber("model.recurrentStateElements").optional(),
  recurrentStatePrecision: precision.optional(),
  keptPrecision: z.strictObject({ parameters: rangedNumber("model.keptPrecision.parameters"), precision }).optional(),
  vocabularySize: rangedNumber("model.vocabularySize").optional(),
  tiedEmbeddings: z.boolean().optional(),
  experts: z
    .strictObject({
      total: rangedNumber("model.experts.total"),
      active: rangedNumber("model.experts.active"),
      shared: rangedNumber("model.experts.shared").default(0),
    })
    .optional(),
  expertLayers: rangedNumber("model.expertLayers").optional(),
  attentionSparsity: z
    .strictObject({
      keptFraction: rangedNumber("model.attentionSparsity.keptFraction").optional(),
      topK: rangedNumber("model.attentionSparsity.topK").optional(),
    })
    .optional(),
  source: z.string().optional(),
  date: z.string().optional(),
});

const workloadFields = z.strictObject({
  preset: z.string().optional(),
  inputTokens: rangedNumber("workload.inputTokens").optional(),
  outputTokens: rangedNumber("workload.outputTokens").optional(),
  concurrency: rangedNumber("workload.concurrency").optional(),
  sharedPrefixTokens: rangedNumber("workload.sharedPrefixTokens").optional(),
});

const facilityFields = z.strictObject({
  preset: z.string().optional(),
  deliveredPower: ranged("facility.deliveredPower", power).optional(),
  pue: ranged("facility.pue", ratioKind).optional(),
  coolingCapacity: ranged("facility.coolingCapacity", power).optional(),
  hostPowerPerNode: ranged("facility.hostPowerPerNode", power).optional(),
  acceleratorsPerNode: rangedNumber("facility.acceleratorsPerNode").optional(),
  psuEfficiency: ranged("facility.psuEfficiency", ratioKind).optional(),
  grid: z.string().optional(),
  carbonIntensity: ranged("facility.carbonIntensity", carbonIntensity).optional(),
  carbonBasis: z.enum(["location", "market"]).optional(),
  waterIntensity: ranged("facility.waterIntensity", waterIntensity).optional(),
  electricityPrice: ranged("facility.electricityPrice", energyPrice).optional(),
  acceleratorHourPrice: ranged("facility.acceleratorHourPrice", hourlyPrice).optional(),
});

const modelField = idOr(modelFields, "a model");

/** The zod schema of a scenario document, before catalog lookup. */
export const scenarioInputSchema = z.strictObject({
  accelerator: idOr(acceleratorFields, "an accelerator"),
  count: rangedNumber("count"),
  replicas: rangedNumber("replicas").optional(),
  model: modelField,
  precision: precisionField,
  workload: idOr(workloadFields, "a workload preset"),
  facility: idOr(facilityFields, "a facility preset").optional(),
  targets: z
    .strictObject({
      ttft: ranged("targets.ttft", time).optional(),
      tpot: ranged("targets.tpot", time).optional(),
      qualityFloor: rangedNumber("targets.qualityFloor").optional(),
    })
    .optional(),
  efficiency: z
    .strictObject({
      compute: ranged("efficiency.compute", ratioKind).optional(),
      bandwidth: ranged("efficiency.bandwidth", ratioKind).optional(),
      memory: ranged("efficiency.memory", ratioKind).optional(),
      stepOverhead: ranged("efficiency.stepOverhead", time).optional(),
      sequenceOverhead: ranged("efficiency.sequenceOverhead", time).optional(),
      layerLatency: ranged("efficiency.layerLatency", time).optional(),
      expertLayerLatency: ranged("efficiency.expertLayerLatency", time).optional(),
      quantizedExpertLayerLatency: ranged("efficiency.quantizedExpertLayerLatency", time).optional(),
      computeHalfWidth: rangedNumber("efficiency.computeHalfWidth").optional(),
      overlap: ranged("efficiency.overlap", ratioKind).optional(),
    })
    .optional(),
  parallelism: z
    .strictObject({
      tensor: rangedNumber("parallelism.tensor").optional(),
      expert: rangedNumber("parallelism.expert").optional(),
      pipeline: rangedNumber("parallelism.pipeline").optional(),
      data: rangedNumber("parallelism.data").optional(),
    })
    .optional(),
  engine: forgivingId(["vllm", "sglang", "tensorrt-llm"] as const).optional(),
  utilization: ranged("utilization", ratioKind).optional(),
  quality: rangedNumber("quality").optional(),
  speculative: z
    .strictObject({
      acceptanceRate: ranged("speculative.acceptanceRate", ratioKind),
      draftLength: rangedNumber("speculative.draftLength"),
      draftModel: modelField,
    })
    .optional(),
  routing: z
    .strictObject({
      share: ranged("routing.share", ratioKind),
      model: modelField,
      precision: precisionField.optional(),
      quality: rangedNumber("routing.quality").optional(),
    })
    .optional(),
  levers: z.array(z.unknown()).optional(),
});

/** What an object schema (or one wrapped in optional / a transform) lists as its fields. */
interface Walkable {
  readonly shape?: Readonly<Record<string, unknown>>;
  readonly _zod?: { readonly def?: { readonly innerType?: unknown; readonly in?: unknown } };
}
/** The field table of an object schema, looking through optional and transform wrappers. */
const findShape = (schema: unknown): Readonly<Record<string, unknown>> | undefined => {
  let current = schema as Walkable | undefined;
  for (let depth = 0; depth < 4 && current !== undefined; depth++) {
    if (current.shape !== undefined) return current.shape;
    current = (current._zod?.def?.innerType ?? current._zod?.def?.in) as Walkable | undefined;
  }
  return undefined;
};
const fieldsOf = (schema: unknown): readonly string[] | undefined => {
  const shape = findShape(schema);
  return shape === undefined ? undefined : Object.keys(shape);
};
const OBJECTS_AT: Readonly<Record<string, unknown>> = {
  "": scenarioInputSchema,
  accelerator: acceleratorFields,
  model: modelFields,
  workload: workloadFields,
  facility: facilityFields,
  "speculative.draftModel": modelFields,
  "routing.model": modelFields,
};

/**
 * The fields a scenario document accepts at a path ("" the top level, "facility", "targets",
 * "model.mla" …), for "did you mean" on an unknown field; undefined when the path is not an
 * object the schema knows.
 * @example scenarioFieldsAt(["targets"]) // ["ttft", "tpot", "qualityFloor"]
 */
export const scenarioFieldsAt = (path: readonly PropertyKey[]): readonly string[] | undefined => {
  // The deepest known object on the path, then its fields walked down the rest of the path.
  for (let cut = path.length; cut >= 0; cut--) {
    const head = path.slice(0, cut).map(String).join(".");
    if (head in OBJECTS_AT) return fieldsBelow(OBJECTS_AT[head], path.slice(cut));
  }
  return undefined;
};

/** The fields of the object at `path` below `schema`, or undefined when there is none. */
const fieldsBelow = (schema: unknown, path: readonly PropertyKey[]): readonly string[] | undefined => {
  let current: unknown = schema;
  for (const segment of path) {
    current = findShape(current)?.[String(segment)];
    if (current === undefined) return undefined;
  }
  return fieldsOf(current);
};

/** A scenario document as parsed, before catalog lookup. */
export type ScenarioInput = z.output<typeof scenarioInputSchema>;

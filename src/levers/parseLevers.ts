import * as E from "fp-ts/lib/Either.js";
import { z } from "zod";
import { didYouMean, findId } from "../catalog/closestIds.js";
import { MODELS } from "../catalog/models.js";
import type { Model } from "../domain/model.js";
import { PRECISIONS, type Precision } from "../domain/precision.js";
import type { Schema, SameType } from "../units/publicSchema.js";
import type { LeverSpecShape } from "../schema/leverSpecDocument.js";
import type { ScenarioIssue } from "../schema/scenarioError.js";
import { rangedNumber, rangedQuantity } from "../schema/rangedSchemas.js";
import { frequency, power, ratioKind, type Hertz, type Ratio, type Watts } from "../units/index.js";
import { adaptiveReasoning } from "./adaptiveReasoning.js";
import { batching } from "./batching.js";
import { clockLock } from "./clockLock.js";
import { compose } from "./compose.js";
import { facilityLever } from "./facilityLever.js";
import { kvCompression } from "./kvCompression.js";
import type { Lever } from "./lever.js";
import { powerCap } from "./powerCap.js";
import { quantization } from "./quantization.js";
import { routing } from "./routing.js";
import { sparseAttention } from "./sparseAttention.js";
import { speculativeDecoding } from "./speculativeDecoding.js";

// The lever kinds a scenario's `levers` field accepts: one row per kind with its JSON shape
// (a strict zod object) and a line for `tpf list levers`. A new kind is a row here, a branch
// in leverOf and a member of LeverSpec.

const precision = z.enum(PRECISIONS as [Precision, ...Precision[]]);
const MODEL_IDS: readonly string[] = Object.keys(MODELS);
// Model ids match ignoring case, like the scenario's.
const modelId = z.string().transform((id, context) => {
  const found = findId(MODEL_IDS, id);
  if (found !== undefined) return found;
  context.addIssue({ code: "custom", message: `unknown model ${JSON.stringify(id)}${didYouMean(MODEL_IDS, id)}; expected one of ${MODEL_IDS.join(", ")}` });
  return z.NEVER;
});
const delta = rangedNumber("levers.qualityDelta").optional();

// Every numeric field is checked against its documented range (src/domain/ranges.ts, paths
// "levers.<kind>.<field>"), the same entries the lever constructors check.
const LEVER_KINDS = {
  quantization: {
    summary: "store and compute in other formats (weights / KV cache / tensor cores)",
    schema: z.strictObject({ kind: z.literal("quantization"), weights: precision.optional(), kv: precision.optional(), compute: precision.optional(), qualityDelta: delta }),
  },
  "kv-compression": {
    summary: "shrink the KV cache by a ratio (>= 1) or to an MLA latent size",
    schema: z.strictObject({ kind: z.literal("kv-compression"), ratio: rangedNumber("levers.kv-compression.ratio").optional(), latentDim: rangedNumber("levers.kv-compression.latentDim").optional(), qualityDelta: delta }),
  },
  "sparse-attention": {
    summary: "attend to a kept fraction (or top-k) of the context",
    schema: z.strictObject({ kind: z.literal("sparse-attention"), keptFraction: rangedNumber("levers.sparse-attention.keptFraction").optional(), topK: rangedNumber("levers.sparse-attention.topK").optional(), qualityDelta: delta }),
  },
  routing: {
    summary: "send a share of requests to a smaller catalog model",
    schema: z.strictObject({ kind: z.literal("routing"), share: rangedNumber("levers.routing.share"), model: modelId, modelQualityDelta: rangedNumber("levers.routing.modelQualityDelta") }),
  },
  "adaptive-reasoning": {
    summary: "scale output tokens per request (difficulty-adaptive reasoning)",
    schema: z.strictObject({ kind: z.literal("adaptive-reasoning"), outputFactor: rangedNumber("levers.adaptive-reasoning.outputFactor").optional(), qualityDelta: delta }),
  },
  "speculative-decoding": {
    summary: "draft with a small model, verify several tokens per step",
    schema: z.strictObject({ kind: z.literal("speculative-decoding"), acceptanceRate: rangedNumber("levers.speculative-decoding.acceptanceRate"), draftLength: rangedNumber("levers.speculative-decoding.draftLength"), draftModel: modelId, qualityDelta: delta }),
  },
  "power-cap": {
    summary: "lower the accelerator's board power limit (within its settable range)",
    schema: z.strictObject({ kind: z.literal("power-cap"), maxPower: rangedQuantity("levers.power-cap.maxPower", power) }),
  },
  "clock-lock": {
    summary: "lock the accelerator's SM clock (lower clock, lower voltage, slower compute)",
    schema: z.strictObject({ kind: z.literal("clock-lock"), clock: rangedQuantity("levers.clock-lock.clock", frequency) }),
  },
  batching: {
    summary: "change the offered concurrency or the utilization U",
    schema: z.strictObject({ kind: z.literal("batching"), concurrency: rangedNumber("levers.batching.concurrency").optional(), utilization: rangedQuantity("levers.batching.utilization", ratioKind).optional() }),
  },
  facility: {
    summary: "change the site's PUE or cooling capacity",
    schema: z.strictObject({ kind: z.literal("facility"), pue: rangedQuantity("levers.facility.pue", ratioKind).optional(), coolingCapacity: rangedQuantity("levers.facility.coolingCapacity", power).optional() }),
  },
} as const;

type LeverSpecKind = keyof typeof LEVER_KINDS;
const KIND_NAMES = Object.keys(LEVER_KINDS) as LeverSpecKind[];

/** One lever spec as parsed: the JSON shape of one item of a scenario's `levers` field, in SI. */
export type LeverSpec = LeverSpecShape<Watts, Ratio, string, undefined, Hertz>;

// LeverSpec is written out (the public .d.ts stays free of zod types); this fails to compile
// when it and the schemas disagree.
type SchemaSpec = { [K in LeverSpecKind]: z.output<(typeof LEVER_KINDS)[K]["schema"]> }[LeverSpecKind];
const specMatchesSchemas: SameType<SchemaSpec, LeverSpec extends infer S ? { -readonly [K in keyof S]: S[K] } : never> = true;
void specMatchesSchemas;

/** A lever kind and its fields, as `tpf list levers` shows them. */
export interface LeverKindInfo {
  /** The `kind` value. */
  readonly kind: string;
  /** What it does, one line. */
  readonly summary: string;
  /** Its fields besides `kind`, each with whether it is required. */
  readonly fields: readonly {
    /** Field name. */
    readonly name: string;
    /** Whether the kind needs it. */
    readonly required: boolean;
  }[];
}

const fieldsOf = (kind: LeverSpecKind): LeverKindInfo["fields"] =>
  Object.entries(LEVER_KINDS[kind].schema.shape)
    .filter(([name]) => name !== "kind")
    .map(([name, schema]) => ({ name, required: !(schema as z.ZodType).safeParse(undefined).success }));

/**
 * Every lever kind a scenario's `levers` field accepts, with its fields.
 * @example leverKinds().map((k) => k.kind) // ["quantization", "kv-compression", …]
 */
export const leverKinds = (): LeverKindInfo[] =>
  KIND_NAMES.map((kind) => ({ kind, summary: LEVER_KINDS[kind].summary, fields: fieldsOf(kind) }));

const fieldList = (kind: LeverSpecKind): string =>
  fieldsOf(kind).map((f) => `${f.name}${f.required ? "" : "?"}`).join(", ");

const leverSpecZod = z.discriminatedUnion("kind", [
  LEVER_KINDS.quantization.schema,
  LEVER_KINDS["kv-compression"].schema,
  LEVER_KINDS["sparse-attention"].schema,
  LEVER_KINDS.routing.schema,
  LEVER_KINDS["adaptive-reasoning"].schema,
  LEVER_KINDS["speculative-decoding"].schema,
  LEVER_KINDS["power-cap"].schema,
  LEVER_KINDS["clock-lock"].schema,
  LEVER_KINDS.batching.schema,
  LEVER_KINDS.facility.schema,
]);

/**
 * The JSON shape of one lever (all kinds). Prefer parseLevers, whose messages name the valid
 * kinds and the fields of each.
 */
export const leverSpecSchema: Schema<LeverSpec> = leverSpecZod;

const model = (id: string): Model => (MODELS as Readonly<Record<string, Model>>)[id]!;
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Builds the lever a spec describes.
 * @example leverOf({ kind: "kv-compression", ratio: 4 })
 */
export const leverOf = (spec: LeverSpec): Lever => {
  switch (spec.kind) {
    case "quantization": { const { kind: _k, ...p } = spec; return quantization(defined(p)); }
    case "kv-compression": { const { kind: _k, ...p } = spec; return kvCompression(defined(p)); }
    case "sparse-attention": { const { kind: _k, ...p } = spec; return sparseAttention(defined(p)); }
    case "routing": return routing({ share: spec.share, model: model(spec.model), modelQualityDelta: spec.modelQualityDelta });
    case "adaptive-reasoning": { const { kind: _k, ...p } = spec; return adaptiveReasoning(defined(p)); }
    case "speculative-decoding":
      return speculativeDecoding({
        acceptanceRate: spec.acceptanceRate, draftLength: spec.draftLength, draftModel: model(spec.draftModel),
        ...(spec.qualityDelta === undefined ? {} : { qualityDelta: spec.qualityDelta }),
      });
    case "power-cap": return powerCap({ maxPower: spec.maxPower });
    case "clock-lock": return clockLock({ clock: spec.clock });
    case "batching": { const { kind: _k, ...p } = spec; return batching(defined(p)); }
    case "facility": { const { kind: _k, ...p } = spec; return facilityLever(defined(p)); }
  }
};

const lowercaseFirst = (message: string): string => message.replace(/^Invalid input: /, "").replace(/^./, (c) => c.toLowerCase());

const KINDS_HINT = `expected one of ${KIND_NAMES.join(", ")}`;

/** Parses one lever object at `path`; its problems name the valid kinds or the kind's fields. */
const parseSpec = (item: unknown, path: string): E.Either<ScenarioIssue[], LeverSpec> => {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return E.left([{ path, message: `expected a lever { kind, … } (or an array of them, a combination), got ${item === null ? "null" : typeof item}; kinds: ${KIND_NAMES.join(", ")}` }]);
  }
  const kind = (item as { kind?: unknown }).kind;
  if (typeof kind !== "string") {
    return E.left([{ path: `${path}.kind`, message: `required: the lever kind, ${KINDS_HINT}` }]);
  }
  const known = findId(KIND_NAMES, kind) as LeverSpecKind | undefined;
  if (known === undefined) {
    return E.left([{ path: `${path}.kind`, message: `unknown lever kind ${JSON.stringify(kind)}${didYouMean(KIND_NAMES, kind)}; ${KINDS_HINT}` }]);
  }
  const parsed = LEVER_KINDS[known].schema.safeParse({ ...item, kind: known });
  if (parsed.success) return E.right(parsed.data as LeverSpec);
  return E.left(
    parsed.error.issues.map((issue) => {
      const at = [path, ...issue.path.map(String)].join(".");
      if (issue.code === "unrecognized_keys") {
        const keys = issue.keys.map((k) => JSON.stringify(k)).join(", ");
        return { path: at, message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys} for ${known}; its fields: ${fieldList(known)} (? = optional)` };
      }
      const missing = issue.path.length === 1 && !Object.hasOwn(item, String(issue.path[0]));
      return { path: at, message: missing ? `required for ${known} (its fields: ${fieldList(known)}; ? = optional)` : lowercaseFirst(issue.message) };
    }),
  );
};

/**
 * Parses a scenario's `levers` field: an array whose items are lever specs (`{ kind, … }`)
 * or arrays of specs (a combination, composed in order). Left lists each problem with its
 * path (`levers.1.share: …`); an unknown kind lists the valid ones, an unknown or missing
 * field lists the kind's fields.
 * @example parseLevers([{ kind: "quantization", weights: "fp8" }, [{ kind: "kv-compression", ratio: 4 }, { kind: "facility", pue: 1.1 }]])
 */
export const parseLevers = (input: unknown): E.Either<readonly ScenarioIssue[], Lever[]> => {
  if (input === undefined) return E.right([]);
  if (!Array.isArray(input)) {
    return E.left([{ path: "levers", message: `expected an array of levers, got ${input === null ? "null" : typeof input}; kinds: ${KIND_NAMES.join(", ")}` }]);
  }
  const issues: ScenarioIssue[] = [];
  const levers: Lever[] = [];
  input.forEach((item: unknown, index) => {
    const path = `levers.${index}`;
    if (Array.isArray(item)) {
      if (item.length === 0) {
        issues.push({ path, message: "expected a combination of at least one lever" });
        return;
      }
      const specs = item.map((inner: unknown, j) => parseSpec(inner, `${path}.${j}`));
      for (const spec of specs) if (E.isLeft(spec)) issues.push(...spec.left);
      if (specs.every(E.isRight)) levers.push(compose(...specs.map((s) => leverOf((s as E.Right<LeverSpec>).right))));
      return;
    }
    const spec = parseSpec(item, path);
    if (E.isLeft(spec)) issues.push(...spec.left);
    else levers.push(leverOf(spec.right));
  });
  return issues.length > 0 ? E.left(issues) : E.right(levers);
};

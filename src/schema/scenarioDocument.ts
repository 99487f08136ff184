// The scenario JSON that parseScenario and `tpf evaluate` accept (DESIGN §6), as a written-out
// TypeScript type: editors complete the fields and catalog ids, and the public .d.ts carries
// no zod types. parseScenario still takes `unknown` (JSON from outside) and checks everything
// at run time; this type describes what it accepts. A test checks a document using every field
// parses.
//
// A new scenario field goes in the interface below whose JSON object holds it, with its unit
// in the comment; test/schema/scenarioDocument.test.ts parses a document using every field and
// test/schema/publicTypes.test-d.ts checks the top-level keys against the schema's.
import type { AcceleratorId } from "../catalog/accelerators.js";
import type { FacilityId, GridId } from "../catalog/facilities.js";
import type { ModelId } from "../catalog/models.js";
import type { WorkloadId } from "../catalog/workloads.js";
import type { CarbonBasis } from "../domain/facility.js";
import type { Precision } from "../domain/precision.js";
import type { EngineId } from "../domain/scenario.js";
import type { SameType } from "../units/publicSchema.js";
import type { LeverSpecDocument } from "./leverSpecDocument.js";

/**
 * A quantity at the boundary: a number in the SI base unit (W, J, s, B, B/s, FLOP/s, USD/s,
 * g/J, L/J) or a string with units ("700 W", "1.2 MW", "50 ms", "3.35 TB/s", "2.5 USD/h").
 */
export type QuantityInput = number | string;

/** A catalog id with completion for the known ones; ids match ignoring case ("h100-sxm"). */
export type CatalogId<Known extends string> = Known | (string & {});

/** Dense peak FLOP/s per tensor-core format, each a number (FLOP/s), a unit string, or null to remove the format. */
export interface PeakFlopPerSecondDocument {
  /** fp32 (FLOP/s). */
  readonly fp32?: QuantityInput | null;
  /** bf16 (FLOP/s). */
  readonly bf16?: QuantityInput | null;
  /** fp16 (FLOP/s). */
  readonly fp16?: QuantityInput | null;
  /** fp8 (FLOP/s). */
  readonly fp8?: QuantityInput | null;
  /** fp4 (FLOP/s). */
  readonly fp4?: QuantityInput | null;
  /** mxfp4 (FLOP/s). */
  readonly mxfp4?: QuantityInput | null;
  /** nvfp4 (FLOP/s). */
  readonly nvfp4?: QuantityInput | null;
  /** int8 (OP/s). */
  readonly int8?: QuantityInput | null;
  /** int4 (OP/s). */
  readonly int4?: QuantityInput | null;
}

// Fails to compile when the formats above and Precision differ.
const formatsMatch: SameType<keyof PeakFlopPerSecondDocument, Precision> = true;
void formatsMatch;

/** An accelerator given inline: a catalog `base` with overrides, or every field. */
export interface AcceleratorDocument {
  /** Catalog accelerator the others override. */
  readonly base?: CatalogId<AcceleratorId>;
  /** Human name. */
  readonly name?: string;
  /**
   * Dense peak compute per precision (FLOP/s; "1.2 PFLOPS"), merged over the base's: a format
   * given replaces the base's, `null` removes it, the others stay (`{ bf16: … }` alone is valid).
   */
  readonly peakFlopPerSecond?: PeakFlopPerSecondDocument;
  /** Memory capacity (B; "80 GB"). */
  readonly memoryCapacity?: QuantityInput;
  /** Peak memory bandwidth (B/s; "3.35 TB/s"). */
  readonly memoryBandwidth?: QuantityInput;
  /**
   * Board power limit in effect (W). Over a catalog base it must lie in, or widens, the base's
   * settable power-limit range (`tpf list accelerators`); without a base it is the TDP.
   */
  readonly maxPower?: QuantityInput;
  /** Static power (W). */
  readonly idlePower?: QuantityInput;
  /** Power of the busy SM array above idle (W). */
  readonly activePower?: QuantityInput;
  /** Locked SM clock (Hz; "1.4 GHz"), within the accelerator's clock range. */
  readonly clockLock?: QuantityInput;
  /** Where the figures come from. */
  readonly source?: string;
  /** Date of the figures (YYYY-MM or YYYY-MM-DD). */
  readonly date?: string;
}

/** A model given inline: a catalog `base` with overrides, or the architecture. Counts are plain numbers. */
export interface ModelDocument {
  /** Catalog model the others override. */
  readonly base?: CatalogId<ModelId>;
  /** Human name / Hugging Face id. */
  readonly name?: string;
  /** All parameters (count). */
  readonly totalParameters?: number;
  /** Parameters a token passes through (count). */
  readonly activeParameters?: number;
  /** Decoder layers (count). */
  readonly layers?: number;
  /** Layers with full attention (count). */
  readonly attentionLayers?: number;
  /** Layers with sliding-window attention (count). */
  readonly slidingWindowLayers?: number;
  /** The sliding window (tokens). */
  readonly slidingWindow?: number;
  /** Layers attending within fixed chunks (count). */
  readonly chunkedAttentionLayers?: number;
  /** Tokens per attention chunk (tokens). */
  readonly attentionChunk?: number;
  /** Hidden size (count). */
  readonly hiddenSize?: number;
  /** Attention heads (count). */
  readonly attentionHeads?: number;
  /** KV heads (count). */
  readonly kvHeads?: number;
  /** Head dimension (count). */
  readonly headDim?: number;
  /** MLA latent size cached per token and layer (count). */
  readonly kvLatentDim?: number;
  /** Query/key dimensions per head, MLA (count). */
  readonly qkHeadDim?: number;
  /** Value dimensions per head, MLA (count). */
  readonly valueHeadDim?: number;
  /** Multi-head latent attention: latent rank and decoupled rope dimensions (counts). */
  readonly mla?: {
    /** Latent rank (count). */
    readonly latentRank: number;
    /** Decoupled rope dimensions (count). */
    readonly ropeDim: number;
  };
  /** Recurrent-state elements per sequence of non-attention layers (count). */
  readonly recurrentStateElements?: number;
  /** Format of the recurrent state (default the KV format). */
  readonly recurrentStatePrecision?: Precision;
  /** Parameters kept in a wider format than the weights (count) and that format. */
  readonly keptPrecision?: {
    /** Parameters kept (count). */
    readonly parameters: number;
    /** Their format. */
    readonly precision: Precision;
  };
  /** Vocabulary (count). */
  readonly vocabularySize?: number;
  /** Whether input and output embeddings are shared. */
  readonly tiedEmbeddings?: boolean;
  /** Mixture of experts: routed experts, active per token, shared (counts). */
  readonly experts?: {
    /** Routed experts per MoE layer (count). */
    readonly total: number;
    /** Routed experts each token activates (count). */
    readonly active: number;
    /** Always-on shared experts (count; default 0). */
    readonly shared?: number;
  };
  /** MoE layers (count; default every layer). */
  readonly expertLayers?: number;
  /** Native sparse attention: kept fraction (1) or top-k (tokens). */
  readonly attentionSparsity?: {
    /** Share of the context attended (1). */
    readonly keptFraction?: number;
    /** Tokens attended per query (tokens). */
    readonly topK?: number;
  };
  /** Where the figures come from. */
  readonly source?: string;
  /** Date of the figures. */
  readonly date?: string;
}

/** Weight, KV-cache and tensor-core formats; a bare string sets the weights. */
export type PrecisionDocument =
  | Precision
  | {
      /** Stored weight format. */
      readonly weights: Precision;
      /** KV-cache format (default bf16, vLLM's auto). */
      readonly kv?: Precision;
      /** Tensor-core format (default: the weights' if the accelerator has it). */
      readonly compute?: Precision;
    };

/** The workload: a preset, a preset with overrides, or every field. */
export interface WorkloadDocument {
  /** Workload preset the others override. */
  readonly preset?: CatalogId<WorkloadId>;
  /** Mean input tokens per request (tokens). */
  readonly inputTokens?: number;
  /** Mean output tokens per request (tokens, ≥ 1). */
  readonly outputTokens?: number;
  /** Requests in flight (count, > 0). */
  readonly concurrency?: number;
  /** Prompt tokens every request shares (a system prompt) and a prefix cache serves once (tokens, ≤ inputTokens). */
  readonly sharedPrefixTokens?: number;
}

/** The site: a preset with overrides. Without deliveredPower (coolingCapacity) there is no facility-power (cooling) stave. */
export interface FacilityDocument {
  /** Facility preset the others override (default "unconstrained"). */
  readonly preset?: CatalogId<FacilityId>;
  /** Power delivered at the meter (W; "1 MW"). */
  readonly deliveredPower?: QuantityInput;
  /** Power usage effectiveness (1, in [1, 10]). */
  readonly pue?: QuantityInput;
  /** Heat the cooling plant rejects (W). */
  readonly coolingCapacity?: QuantityInput;
  /** Host power per node (W). */
  readonly hostPowerPerNode?: QuantityInput;
  /** Accelerators per node (count). */
  readonly acceleratorsPerNode?: number;
  /** PSU efficiency (1, in [1e-6, 1]). */
  readonly psuEfficiency?: QuantityInput;
  /** Grid id for the carbon intensity. */
  readonly grid?: CatalogId<GridId>;
  /** Grid carbon intensity (g/J; "400 g/kWh"). */
  readonly carbonIntensity?: QuantityInput;
  /** Accounting basis of the carbon intensity. */
  readonly carbonBasis?: CarbonBasis;
  /** Site water per IT energy, WUE (L/J; "0.3 L/kWh"). */
  readonly waterIntensity?: QuantityInput;
  /** Electricity price (USD/J; "0.08 USD/kWh"). */
  readonly electricityPrice?: QuantityInput;
  /**
   * Price of one accelerator-hour (USD/s; "2.5 USD/h"). When absent: the catalog's price for
   * the accelerator (`tpf list accelerators`), else the preset's.
   */
  readonly acceleratorHourPrice?: QuantityInput;
}

/**
 * A scenario document: the JSON `tpf evaluate` and parseScenario accept (DESIGN §6), with
 * catalog ids or inline objects and quantities as SI numbers or unit strings.
 * @example const doc: ScenarioDocument = { accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b",
 *   precision: "fp8", workload: "chat", facility: { deliveredPower: "1 MW", pue: 1.2 } };
 */
export interface ScenarioDocument {
  /** Catalog accelerator id, or an inline accelerator. */
  readonly accelerator: CatalogId<AcceleratorId> | AcceleratorDocument;
  /** Accelerators per replica (count, ≥ 1). */
  readonly count: number;
  /** Replicas, the data-parallel degree (count, ≥ 1; default 1). */
  readonly replicas?: number;
  /** Catalog model id, or an inline model. */
  readonly model: CatalogId<ModelId> | ModelDocument;
  /** Formats of weights, KV cache and tensor cores. */
  readonly precision: PrecisionDocument;
  /** Workload preset id, or a workload. */
  readonly workload: CatalogId<WorkloadId> | WorkloadDocument;
  /** Facility preset id, or a site; absent = an unconstrained site. */
  readonly facility?: CatalogId<FacilityId> | FacilityDocument;
  /** Service and quality targets. */
  readonly targets?: {
    /** Time to first token (s; "2 s"). */
    readonly ttft?: QuantityInput;
    /** Time per output token (s; "50 ms"). */
    readonly tpot?: QuantityInput;
    /** Lowest acceptable quality score (1). */
    readonly qualityFloor?: number;
  };
  /** Estimate-mode efficiencies (defaults calibrated per accelerator). */
  readonly efficiency?: {
    /** Achieved fraction of peak compute (1). */
    readonly compute?: QuantityInput;
    /** Achieved fraction of peak bandwidth (1). */
    readonly bandwidth?: QuantityInput;
    /** Usable fraction of memory (1). */
    readonly memory?: QuantityInput;
    /** Host overhead per decode step (s). */
    readonly stepOverhead?: QuantityInput;
    /** Host overhead per sequence (s). */
    readonly sequenceOverhead?: QuantityInput;
    /** Kernel launch and sync per layer per decode step (s; default: the engine's). */
    readonly layerLatency?: QuantityInput;
    /** Extra per MoE layer under expert parallelism (s). */
    readonly expertLayerLatency?: QuantityInput;
    /** Extra per MoE layer with 8-bit block-scaled experts (s). */
    readonly quantizedExpertLayerLatency?: QuantityInput;
    /** GEMM width at which half of the compute efficiency is reached (count). */
    readonly computeHalfWidth?: number;
    /** Share of communication hidden behind compute (1). */
    readonly overlap?: QuantityInput;
  };
  /** Utilization U (1, in [1e-6, 1]; default 1). */
  readonly utilization?: QuantityInput;
  /** Quality score of the deployment (1; default 1). */
  readonly quality?: number;
  /** Speculative decoding in the baseline. */
  readonly speculative?: {
    /** Acceptance rate per drafted token (1). */
    readonly acceptanceRate: QuantityInput;
    /** Tokens drafted per step (count). */
    readonly draftLength: number;
    /** The draft model. */
    readonly draftModel: CatalogId<ModelId> | ModelDocument;
  };
  /** A share of requests served by a second model. */
  readonly routing?: {
    /** Share of requests (1). */
    readonly share: QuantityInput;
    /** The routed-to model. */
    readonly model: CatalogId<ModelId> | ModelDocument;
    /** Its formats (default: the scenario's). */
    readonly precision?: PrecisionDocument;
    /** Its quality score (1). */
    readonly quality?: number;
  };
  /** Levers for `tpf levers` (an item that is an array is a combination). */
  readonly levers?: readonly (LeverSpecDocument | readonly LeverSpecDocument[])[];
  /** Layout of each replica; tensor × pipeline × data = count (default tensor = count). */
  readonly parallelism?: {
    /** Tensor-parallel degree (count). */
    readonly tensor?: number;
    /** Expert-parallel degree, dividing count; > 1 only for MoE models (count). */
    readonly expert?: number;
    /** Pipeline stages, at most the layers (count). */
    readonly pipeline?: number;
    /** Data-parallel attention groups; > 1 only with expert parallelism (count). */
    readonly data?: number;
  };
  /** Serving engine whose profile sets the per-step overheads (`tpf list engines`; default vllm). */
  readonly engine?: EngineId;
}

import type { Precision } from "./precision.js";
import type { Provenance } from "./provenance.js";

/** Mixture-of-experts layout. */
export interface Experts {
  /** Routed experts per MoE layer. */
  readonly total: number;
  /** Routed experts each token activates. */
  readonly active: number;
  /** Always-on shared experts per MoE layer (counted inside activeParameters). */
  readonly shared: number;
}

/** A language model's architecture, as its config file gives it. Counts are plain numbers. */
export interface Model extends Provenance {
  /** Catalog id (e.g. "llama-3.1-70b"), or "custom". */
  readonly id: string;
  /** Human name / Hugging Face id. */
  readonly name: string;
  /** All parameters (count). */
  readonly totalParameters: number;
  /** Parameters a token passes through (count); = total for dense models. */
  readonly activeParameters: number;
  /**
   * Parameters of encoders a text request never runs (count), counted inside totalParameters
   * and activeParameters: Gemma 3's 417M-parameter SigLIP vision tower. They do no FLOP and are
   * not read per step; the estimate holds them in memory (engines load the whole checkpoint),
   * the bound does not (an engine may serve the language model alone). Absent = 0.
   */
  readonly encoderParameters?: number;
  /** Decoder layers of every kind (count). */
  readonly layers: number;
  /** Layers with full (global) softmax attention, whose KV grows with context (count). */
  readonly attentionLayers: number;
  /** Layers with sliding-window attention (count); 0 if none. */
  readonly slidingWindowLayers: number;
  /** The sliding window (tokens); ignored when slidingWindowLayers is 0. */
  readonly slidingWindow: number;
  /**
   * Layers with chunked local attention (count); absent or 0 if none. Llama 4: a token attends
   * only to the earlier tokens of its own aligned chunk of `attentionChunk` tokens.
   */
  readonly chunkedAttentionLayers?: number;
  /** The chunk of chunked-attention layers (tokens); ignored without chunked layers. */
  readonly attentionChunk?: number;
  /** Model width (count). */
  readonly hiddenSize: number;
  /** Query heads (count). */
  readonly attentionHeads: number;
  /** Key/value heads (count). */
  readonly kvHeads: number;
  /** Head dimension (count). */
  readonly headDim: number;
  /** MLA: cached elements per token per layer (latent + rope key), replacing 2·kvHeads·headDim. */
  readonly kvLatentDim?: number;
  /** Query/key dimension per head in the attention scores (count); default headDim. MLA: nope + rope. */
  readonly qkHeadDim?: number;
  /** Value dimension per head (count); default headDim. */
  readonly valueHeadDim?: number;
  /**
   * Multi-head latent attention (DeepSeek-V2/V3): the compressed KV rank d_c and the decoupled
   * rope key d_r. With it, decode can run weight-absorbed on the latent (more FLOP, fewer bytes).
   */
  readonly mla?: MultiHeadLatentAttention;
  /** Vocabulary size (count). */
  readonly vocabularySize: number;
  /** Whether input embedding and LM head share one matrix (an untied input table is a lookup, not a matmul). */
  readonly tiedEmbeddings: boolean;
  /**
   * Recurrent (Mamba, DeltaNet) state elements one sequence carries across all its recurrent
   * layers (count): SSM state plus convolution state. Every decode step reads and writes it.
   */
  readonly recurrentStateElements?: number;
  /** Format the engine keeps the recurrent state in (Qwen3.5: fp32); absent = the KV format. */
  readonly recurrentStatePrecision?: Precision;
  /**
   * Parameters the model keeps at a wider format whatever narrower weight format is chosen
   * (gpt-oss's MXFP4 checkpoint keeps attention, router and embeddings in bf16); absent = none.
   */
  readonly keptPrecision?: KeptPrecision;
  /** MoE layout; absent for dense models. */
  readonly experts?: Experts;
  /** Layers with routed experts (count); absent = every layer when `experts` is set (Llama 4 Maverick: 24 of 48). */
  readonly expertLayers?: number;
  /**
   * Sparse attention on the full-attention layers: each query attends to `keptFraction` of the
   * context, or to at most `topK` tokens. The KV cache still stores every token.
   */
  readonly attentionSparsity?: AttentionSparsity;
}

/** Always-on parameters kept at a wider format. */
export interface KeptPrecision {
  /** How many (count). */
  readonly parameters: number;
  /** Their format. */
  readonly precision: Precision;
}

/** MLA dimensions (config.json: kv_lora_rank, qk_rope_head_dim). */
export interface MultiHeadLatentAttention {
  /** Compressed KV rank d_c (count), e.g. 512. */
  readonly latentRank: number;
  /** Decoupled rope key dimension d_r (count), e.g. 64. */
  readonly ropeDim: number;
}

/** Which part of the context a sparse-attention layer reads. */
export interface AttentionSparsity {
  /** Fraction of the context attended (1, in (0, 1]). */
  readonly keptFraction?: number;
  /** At most this many tokens attended (tokens), e.g. DSA's 2048. */
  readonly topK?: number;
}

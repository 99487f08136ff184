import type { Model } from "../domain/model.js";
import { bytesPerElement, type Precision } from "../domain/precision.js";
import { bytes, type Bytes } from "../units/index.js";
import { attendedTokenLayers, readTokenLayers } from "./flopPerToken.js";

/**
 * KV-cache bytes per token per attention layer (B): 2·n_kv·d_head·bytes_kv (K and V), or
 * the MLA latent (latent + rope key elements)·bytes_kv.
 */
export const kvBytesPerTokenLayer = (model: Model, kv: Precision): number =>
  (model.kvLatentDim ?? 2 * model.kvHeads * model.headDim) * bytesPerElement(kv);

/**
 * KV-cache bytes one sequence holds at context `context` (B): full-attention layers keep
 * every token, sliding-window layers at most the window.
 * @example kvBytesPerSequence(MODELS["llama-3.1-70b"], "bf16", 1000) // 2·8·128·2·80·1000 B
 */
export const kvBytesPerSequence = (model: Model, kv: Precision, context: number): Bytes =>
  bytes(kvBytesPerTokenLayer(model, kv) * attendedTokenLayers(model, context));

/**
 * KV-cache bytes one decode step reads for one sequence at context `context` (B): the
 * stored bytes, less what sparse attention skips.
 * @example kvBytesReadPerSequence(MODELS["deepseek-v3"], "bf16", 8192)
 */
export const kvBytesReadPerSequence = (model: Model, kv: Precision, context: number): Bytes =>
  bytes(kvBytesPerTokenLayer(model, kv) * readTokenLayers(model, context));

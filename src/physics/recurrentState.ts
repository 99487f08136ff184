import type { Model } from "../domain/model.js";
import { bytesPerElement, type Precision } from "../domain/precision.js";
import { bytes, type Bytes } from "../units/index.js";

/**
 * Bytes of recurrent state one sequence holds (B): the Mamba / DeltaNet state of all its
 * recurrent layers, stored like the KV cache (at the KV precision). Unlike KV it does not
 * grow with context, but every decode step reads and writes all of it.
 * @example recurrentStateBytes(MODELS["nemotron-nano-9b-v2"], "bf16") // ≈ 72.8 MB
 */
export const recurrentStateBytes = (model: Model, precision: Precision): Bytes =>
  bytes((model.recurrentStateElements ?? 0) * bytesPerElement(precision));

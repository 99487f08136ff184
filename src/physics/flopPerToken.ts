import type { Model } from "../domain/model.js";
import { flopPerOutputToken, type FlopPerOutputToken } from "../units/index.js";
import { activeMatmulParameters } from "./matmulParameters.js";

/**
 * Tokens a layer attends over at context `context`: all of them for full attention, at most
 * the window for sliding-window layers, summed over layers (token·layers).
 */
export const attendedTokenLayers = (model: Model, context: number): number =>
  model.attentionLayers * context +
  model.slidingWindowLayers * Math.min(context, model.slidingWindow);

/**
 * Tokens a query reads over at context `context` (token·layers): like attendedTokenLayers,
 * but a sparse-attention model's full layers read only the kept part of the context.
 */
export const readTokenLayers = (model: Model, context: number): number => {
  const sparsity = model.attentionSparsity;
  let span = context;
  if (sparsity?.keptFraction !== undefined) span = Math.min(span, context * sparsity.keptFraction);
  if (sparsity?.topK !== undefined) span = Math.min(span, sparsity.topK);
  return model.attentionLayers * span + model.slidingWindowLayers * Math.min(context, model.slidingWindow);
};

/**
 * Forward-pass FLOP for one token at context `context` (tokens already in the sequence):
 * c(ctx) = 2·P_active + 4·n_heads·d_head·Σ_layers span(ctx)   (DESIGN §2; the 4 is QKᵀ and
 * AV, 2 FLOP per multiply-add each). Recurrent (Mamba, DeltaNet) layers are inside P_active.
 * @example flopPerTokenAtContext(MODELS["llama-3.1-70b"], 0) // ≈ 2 × 69.5e9
 */
export const flopPerTokenAtContext = (model: Model, context: number): FlopPerOutputToken =>
  flopPerOutputToken(
    2 * activeMatmulParameters(model) +
      4 * model.attentionHeads * model.headDim * readTokenLayers(model, context),
  );

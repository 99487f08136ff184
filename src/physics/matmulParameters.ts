import type { Model } from "../domain/model.js";

/** Parameters of encoders a text request never runs (count; Gemma 3's vision tower), 0 if none. */
export const encoderParameters = (model: Model): number => model.encoderParameters ?? 0;

/**
 * Parameters that take part in a token's matrix multiplies (count): the active parameters
 * less an untied input-embedding table, which is a row lookup, not a matmul (a tied table is
 * the LM head and counts), and less encoders a text request never runs. This is P_active in
 * c ≈ 2·P_active.
 */
export const activeMatmulParameters = (model: Model): number =>
  model.activeParameters - encoderParameters(model) - (model.tiedEmbeddings ? 0 : model.vocabularySize * model.hiddenSize);

/**
 * Parameters a decode step must read when the whole model is touched (count): all parameters
 * less an untied input-embedding table (only a few rows of it are read).
 */
export const totalStreamedParameters = (model: Model): number =>
  model.totalParameters - encoderParameters(model) - (model.tiedEmbeddings ? 0 : model.vocabularySize * model.hiddenSize);

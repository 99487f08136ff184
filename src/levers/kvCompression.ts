import * as E from "fp-ts/lib/Either.js";
import { leverError, withQuality, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of KV-cache compression: a ratio, or an MLA-style latent size. */
export interface KvCompressionParameters {
  /**
   * Compression ratio of the cached elements per token per layer (1, in [1, 1e6]). A ratio below
   * 1 would grow the cache (that is a wider kv precision, not compression) and is refused.
   */
  readonly ratio?: number;
  /** Cached elements per token per layer after compression (count, at most the current ones), e.g. 576 for MLA. */
  readonly latentDim?: number;
  /** Override of the declared Δq (1). */
  readonly qualityDelta?: number;
}

const QUALITY_SOURCE =
  "ChunkKV (Liu et al., arXiv 2502.00299): accuracy comparable to full KV at 10% retention on LongBench/GSM8K; DeepSeek-V2 (arXiv 2405.04434): MLA matches MHA quality with −93.3% KV";

/**
 * KV-cache compression: the cached elements per token per layer shrink by `ratio` (or to
 * `latentDim`), which moves KV bytes read per step and the KV memory per sequence (hence the
 * batch that fits). Attention FLOP are left as they are (conservative).
 * @example kvCompression({ ratio: 4 })
 */
export const kvCompression = (parameters: KvCompressionParameters): Lever => {
  const id =
    parameters.latentDim !== undefined ? `kv-compression(latent ${parameters.latentDim})` : `kv-compression(${parameters.ratio ?? 1}×)`;
  const qualityDelta = parameters.qualityDelta ?? 0;
  const problem = parameterProblem("kv-compression", { ratio: parameters.ratio, latentDim: parameters.latentDim, qualityDelta: parameters.qualityDelta });
  return {
    id,
    kind: "kv-compression",
    moves: ["KV bytes", "memory capacity"],
    qualityDelta,
    qualitySource: parameters.qualityDelta === undefined ? QUALITY_SOURCE : "user",
    apply: (scenario) => {
      if (problem !== undefined) return E.left(leverError(id, problem));
      const { model } = scenario;
      const current = model.kvLatentDim ?? 2 * model.kvHeads * model.headDim;
      if (parameters.latentDim !== undefined && parameters.latentDim > current) {
        return E.left(leverError(id, `latentDim: expected at most the ${current} elements per token and layer ${model.id} caches now (compression does not grow the cache), got ${parameters.latentDim}`));
      }
      const next = parameters.latentDim ?? current / (parameters.ratio ?? 1);
      return E.right(withQuality({ ...scenario, model: { ...model, kvLatentDim: next } }, qualityDelta));
    },
  };
};

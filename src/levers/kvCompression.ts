import * as E from "fp-ts/lib/Either.js";
import { leverError, withQuality, type Lever } from "./lever.js";

/** Parameters of KV-cache compression: a ratio, or an MLA-style latent size. */
export interface KvCompressionParameters {
  /** Compression ratio of the cached elements per token per layer (1, ≥ 1). */
  readonly ratio?: number;
  /** Cached elements per token per layer after compression (count), e.g. 576 for MLA. */
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
  return {
    id,
    kind: "kv-compression",
    moves: ["KV bytes", "memory capacity"],
    qualityDelta,
    qualitySource: parameters.qualityDelta === undefined ? QUALITY_SOURCE : "user",
    apply: (scenario) => {
      const { model } = scenario;
      const current = model.kvLatentDim ?? 2 * model.kvHeads * model.headDim;
      const next = parameters.latentDim ?? current / (parameters.ratio ?? 1);
      if (!(next > 0) || !Number.isFinite(next)) {
        return E.left(leverError(id, `expected a ratio >= 1 or a latent size > 0, got ${parameters.ratio ?? parameters.latentDim}`));
      }
      return E.right(withQuality({ ...scenario, model: { ...model, kvLatentDim: next } }, qualityDelta));
    },
  };
};

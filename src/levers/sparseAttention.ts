import * as E from "fp-ts/lib/Either.js";
import { leverError, withQuality, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of sparse attention: a kept fraction of the context, or top-k tokens. */
export interface SparseAttentionParameters {
  /** Fraction of the context each query attends (1, in (0, 1]). */
  readonly keptFraction?: number;
  /** At most this many attended tokens (tokens); DSA keeps 2048. */
  readonly topK?: number;
  /** Override of the declared Δq (1). */
  readonly qualityDelta?: number;
}

const QUALITY_SOURCE =
  "DeepSeek-V3.2-Exp (DSA, top-2048 tokens): benchmark quality on par with V3.1-Terminus (DeepSeek, 2025-09)";

/**
 * Sparse attention on the full-attention layers: attention FLOP and KV bytes read scale
 * with the kept span; the KV cache still stores every token (memory capacity unchanged).
 * The indexer's own cost is not modelled.
 * @example sparseAttention({ topK: 2048 })
 */
export const sparseAttention = (parameters: SparseAttentionParameters): Lever => {
  const id = `sparse-attention(${parameters.topK !== undefined ? `top ${parameters.topK}` : `keep ${parameters.keptFraction}`})`;
  const qualityDelta = parameters.qualityDelta ?? 0;
  const problem = parameterProblem("sparse-attention", { keptFraction: parameters.keptFraction, topK: parameters.topK, qualityDelta: parameters.qualityDelta });
  return {
    id,
    kind: "sparse-attention",
    moves: ["attention FLOP", "KV bytes read"],
    qualityDelta,
    qualitySource: parameters.qualityDelta === undefined ? QUALITY_SOURCE : "user",
    apply: (scenario) => {
      const { keptFraction, topK } = parameters;
      if (problem !== undefined) return E.left(leverError(id, problem));
      const attentionSparsity = {
        ...(keptFraction === undefined ? {} : { keptFraction }),
        ...(topK === undefined ? {} : { topK }),
      };
      return E.right(withQuality({ ...scenario, model: { ...scenario.model, attentionSparsity } }, qualityDelta));
    },
  };
};

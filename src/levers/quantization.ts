import * as E from "fp-ts/lib/Either.js";
import { peakFlopPerSecondAt } from "../catalog/accelerators.js";
import type { Precision } from "../domain/precision.js";
import { leverError, withQuality, type Lever } from "./lever.js";
import { parameterProblem } from "./parameterProblem.js";

/** Parameters of the quantization lever: any of the three formats. */
export interface QuantizationParameters {
  /** Stored weight format. */
  readonly weights?: Precision;
  /** KV-cache format. */
  readonly kv?: Precision;
  /** Tensor-core format of the matmuls; must be one the accelerator has. */
  readonly compute?: Precision;
  /** Override of the declared Δq (1). */
  readonly qualityDelta?: number;
}

// Default Δq by weight format. Kurtic et al., "Give Me BF16 or Give Me Death? Accuracy-
// Performance Trade-Offs in LLM Quantization" (arXiv 2411.02355, 2024): FP8 W8A8 is
// effectively lossless (~99.9% recovery); INT8 W8A8 loses 1–3%; INT4 weight-only about as
// much as INT8. 4-bit floats are taken like INT4 (assumption). KV in fp8: vLLM's quantized
// KV cache documentation reports minimal accuracy impact (Δq 0).
const WEIGHT_QUALITY: Readonly<Partial<Record<Precision, number>>> = {
  fp32: 0, bf16: 0, fp16: 0, fp8: 0, int8: -0.01, int4: -0.015, fp4: -0.015, mxfp4: -0.015,
};
const QUALITY_SOURCE =
  "Kurtic et al., arXiv 2411.02355 (fp8 W8A8 ~lossless; int8 1–3%; int4 weight-only ~int8); 4-bit floats taken as int4 (assumption)";

/**
 * Quantization of weights, KV cache and compute, separately. Weight bytes per parameter,
 * KV bytes per element and the peak FLOP/s of the compute format change; a compute format
 * the accelerator lacks (fp8 on A100) is a LeverError. The declared Δq (`qualityDelta`) is the
 * format's from bf16; applied to a scenario already in a narrower weight format, the scenario's
 * own part is taken off (a user's explicit `qualityDelta` applies as given).
 * @example quantization({ weights: "fp8", compute: "fp8" })
 */
export const quantization = (parameters: QuantizationParameters): Lever => {
  const parts = (["weights", "kv", "compute"] as const)
    .filter((k) => parameters[k] !== undefined)
    .map((k) => `${k} ${parameters[k]}`);
  const id = `quantization(${parts.join(", ")})`;
  const qualityDelta =
    parameters.qualityDelta ?? (parameters.weights === undefined ? 0 : (WEIGHT_QUALITY[parameters.weights] ?? 0));
  const problem = parameterProblem("quantization", { qualityDelta: parameters.qualityDelta });
  return {
    id,
    kind: "quantization",
    moves: ["weight bytes", "KV bytes", "peak FLOP/s", "memory capacity"],
    qualityDelta,
    qualitySource: parameters.qualityDelta === undefined ? QUALITY_SOURCE : "user",
    apply: (scenario) => {
      if (problem !== undefined) return E.left(leverError(id, problem));
      const precision = {
        weights: parameters.weights ?? scenario.precision.weights,
        kv: parameters.kv ?? scenario.precision.kv,
        compute: parameters.compute ?? scenario.precision.compute,
      };
      if (peakFlopPerSecondAt(scenario.accelerator, precision.compute) === undefined) {
        const supported = Object.keys(scenario.accelerator.peakFlopPerSecond).join(", ");
        return E.left(leverError(id, `${scenario.accelerator.id} has no ${precision.compute} tensor cores; supported: ${supported}`));
      }
      // The declared Δq is from bf16; a scenario already served in a narrower format has already
      // paid its own part of it (fp4 → fp4 changes nothing, fp4 → bf16 gains it back).
      const applied =
        parameters.qualityDelta ?? (qualityDelta - (parameters.weights === undefined ? 0 : (WEIGHT_QUALITY[scenario.precision.weights] ?? 0)));
      return E.right(withQuality({ ...scenario, precision }, applied));
    },
  };
};

import * as E from "fp-ts/lib/Either.js";
import { z } from "zod";

/** The LLMRun fields this library reads from an ML.ENERGY run (mlenergy-data Records API). */
export interface MlEnergyRun {
  /** Hugging Face model id. */
  readonly modelId: string;
  /** Benchmark task (lm-arena-chat, gpqa, sourcegraph-fim, …). */
  readonly task: string;
  /** Weight precision as the record spells it (bfloat16, fp8, mxfp4). */
  readonly weightPrecision: string;
  /** GPU model (H100, B200). */
  readonly gpuModel: string;
  /** GPUs in the deployment (count). */
  readonly numGpus: number;
  /** Configured batch limit (count). */
  readonly maxNumSeqs: number;
  /** Measured mean running batch (count). */
  readonly avgBatchSize: number;
  /** Mean output tokens per request (tokens). */
  readonly avgOutputLen: number;
  /** Output tokens/s of the whole deployment. */
  readonly outputThroughput: number;
  /** GPU board power summed over all GPUs (W). */
  readonly avgPowerWatts: number;
  /** J per output token. */
  readonly energyPerTokenJoules: number;
}

const finite = z.coerce.number().refine(Number.isFinite, "expected a finite number");
const positive = finite.refine((x) => x > 0, "expected a number > 0");

/** zod schema of one CSV/JSON row (snake_case LLMRun names). */
export const mlEnergyRowSchema = z.object({
  model_id: z.string().min(1),
  task: z.string().min(1),
  weight_precision: z.string().min(1),
  gpu_model: z.string().min(1),
  num_gpus: positive,
  max_num_seqs: positive,
  avg_batch_size: positive,
  avg_output_len: positive,
  output_throughput_tokens_per_sec: positive,
  avg_power_watts: positive,
  energy_per_token_joules: positive,
});

/** Reads one row into an MlEnergyRun, or says which field is wrong. */
export const readMlEnergyRow = (row: unknown): E.Either<string, MlEnergyRun> => {
  const parsed = mlEnergyRowSchema.safeParse(row);
  if (!parsed.success) {
    return E.left(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const r = parsed.data;
  return E.right({
    modelId: r.model_id, task: r.task, weightPrecision: r.weight_precision, gpuModel: r.gpu_model,
    numGpus: r.num_gpus, maxNumSeqs: r.max_num_seqs, avgBatchSize: r.avg_batch_size,
    avgOutputLen: r.avg_output_len, outputThroughput: r.output_throughput_tokens_per_sec,
    avgPowerWatts: r.avg_power_watts, energyPerTokenJoules: r.energy_per_token_joules,
  });
};

/**
 * Splits simple CSV text (no quoted commas, as the ML.ENERGY export has) into records keyed
 * by the header. Quoted fields are unquoted.
 */
export const parseSimpleCsv = (text: string): Record<string, string>[] => {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = (lines[0] ?? "").split(",").map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim().replace(/^"(.*)"$/, "$1")]));
  });
};

import type { Model } from "../domain/model.js";
import type { Workload } from "../domain/workload.js";
import {
  flop,
  flopPerOutputToken,
  type Flop,
  type FlopPerOutputToken,
} from "../units/index.js";
import { flopPerTokenAtContext } from "./flopPerToken.js";

/**
 * Prefill FLOP of one request (FLOP): L_in tokens at mean context L_in/2.
 * Exact for full attention (attention cost is linear in context); for a sliding window the
 * mean of min(ctx, W) is ≥ min(L_in/2, W), so this is slightly low there — safe for a bound.
 * @example prefillFlopPerRequest(MODELS["llama-3.1-70b"], WORKLOADS["8k1k"]) // FLOP
 */
export const prefillFlopPerRequest = (model: Model, workload: Workload): Flop =>
  flop(workload.inputTokens * flopPerTokenAtContext(model, workload.inputTokens / 2));

/**
 * Decode FLOP of one request (FLOP): L_out tokens at mean context L_in + L_out/2.
 * @example decodeFlopPerRequest(MODELS["llama-3.1-70b"], WORKLOADS["8k1k"]) // FLOP
 */
export const decodeFlopPerRequest = (model: Model, workload: Workload): Flop =>
  flop(
    workload.outputTokens *
      flopPerTokenAtContext(model, workload.inputTokens + workload.outputTokens / 2),
  );

/**
 * FLOP per output token including its share of prefill (FLOP/output token), the c_tok of the
 * paper's form: (prefill + decode FLOP per request) / L_out.
 * @example flopPerOutputTokenOf(MODELS["llama-3.1-70b"], WORKLOADS.chat) // FLOP/output token
 */
export const flopPerOutputTokenOf = (model: Model, workload: Workload): FlopPerOutputToken =>
  flopPerOutputToken(
    (prefillFlopPerRequest(model, workload) + decodeFlopPerRequest(model, workload)) /
      workload.outputTokens,
  );

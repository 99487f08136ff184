import type { Workload } from "../domain/workload.js";

/** Workload presets, by id. Concurrency is a default the scenario may override. */
export const WORKLOADS = {
  chat: {
    id: "chat", inputTokens: 224, outputTokens: 779, concurrency: 64,
    source: "ML.ENERGY Leaderboard v3.0 lm-arena-chat: ~224 input tokens (v3.0 blog); 779 = mean avg_output_len of the 200 lm-arena-chat runs in shared/data/mlenergy_v3_runs.csv; concurrency 64 is our default",
    date: "2026-02-16",
  },
  "1k1k": {
    id: "1k1k", inputTokens: 1024, outputTokens: 1024, concurrency: 64,
    source: "InferenceX (SemiAnalysis) fixed sequence-length sweep, ISL 1k / OSL 1k; concurrency 64 is our default",
    date: "2026-01",
  },
  "8k1k": {
    id: "8k1k", inputTokens: 8192, outputTokens: 1024, concurrency: 64,
    source: "InferenceX (SemiAnalysis) fixed sequence-length sweep, ISL 8k / OSL 1k; concurrency 64 is our default",
    date: "2026-01",
  },
  agentic: {
    id: "agentic", inputTokens: 40000, outputTokens: 2000, concurrency: 16,
    source: "agentic coding turn, 40k in / 2k out (issue #3 of this project, after InferenceX and ML.ENERGY agentic traces); concurrency 16 is our default",
    date: "2026-11",
  },
  reasoning: {
    id: "reasoning", inputTokens: 512, outputTokens: 5541, concurrency: 64,
    source: "ML.ENERGY Leaderboard v3.0 gpqa: 5541 = mean avg_output_len of the 176 gpqa runs in shared/data/mlenergy_v3_runs.csv; 512 input tokens is our assumption (not published)",
    date: "2026-02-16",
  },
} as const satisfies Record<string, Workload>;

/** A workload preset id. */
export type WorkloadId = keyof typeof WORKLOADS;

/** Every workload preset id. */
export const WORKLOAD_IDS = Object.keys(WORKLOADS) as WorkloadId[];

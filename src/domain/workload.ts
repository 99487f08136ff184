import type { Provenance } from "./provenance.js";

/** The traffic served: mean lengths and the offered concurrency. */
export interface Workload extends Partial<Provenance> {
  /** Preset id, or "custom". */
  readonly id: string;
  /** Mean input (prompt) tokens per request (tokens). */
  readonly inputTokens: number;
  /** Mean output (generated) tokens per request (tokens). */
  readonly outputTokens: number;
  /** Offered concurrency: sequences in flight, the batch the server would run (count). */
  readonly concurrency: number;
}

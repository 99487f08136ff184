import type {
  Bytes,
  BytesPerSecond,
  Flop,
  FlopPerOutputToken,
  FlopPerSecond,
  JoulesPerByte,
  JoulesPerFlop,
  Ratio,
  Seconds,
  Watts,
} from "../units/index.js";

/** The two modes of every result: the physical ceiling, and the expected operating point. */
export type Mode = "bound" | "estimate";

/** Stave names (public contract, DESIGN §6). */
export type StaveName =
  | "compute"
  | "memory-bandwidth"
  | "memory-capacity"
  | "latency-target"
  | "device-power"
  | "facility-power"
  | "cooling";

/** Stave names in tie-break order: on a tie the earlier one is reported as binding. */
export const STAVE_NAMES: readonly StaveName[] = [
  "compute",
  "memory-bandwidth",
  "memory-capacity",
  "latency-target",
  "device-power",
  "facility-power",
  "cooling",
];

/**
 * One model replica reduced to the numbers the staves need, already in the chosen mode
 * (bound: η = 1, minimum bytes, lower-envelope energy; estimate: calibrated defaults).
 * Rates here are per replica; staves multiply by `replicas`.
 */
export interface Plant {
  /** Which mode these numbers are for. */
  readonly mode: Mode;
  /** Model replicas (count). */
  readonly replicas: number;
  /** Accelerators per replica (count). */
  readonly accelerators: number;
  /** Usable compute of one replica, N·peak·η_c (FLOP/s). */
  readonly computeRate: FlopPerSecond;
  /** Usable memory bandwidth of one replica, N·B·η_m (B/s). */
  readonly bandwidth: BytesPerSecond;
  /** Memory usable for weights and KV in one replica (B). */
  readonly memory: Bytes;
  /** FLOP per output token including the prefill share (FLOP/output token). */
  readonly flopPerOutputToken: FlopPerOutputToken;
  /** Prefill FLOP of one request (FLOP). */
  readonly prefillFlopPerRequest: Flop;
  /** Weights resident in memory (B). */
  readonly weightBytesResident: Bytes;
  /** Weight bytes one decode step reads at a batch (B). */
  readonly weightBytesPerStep: (batch: number) => Bytes;
  /** KV bytes per sequence at the mean decode context (B). */
  readonly kvBytesPerSequenceMean: Bytes;
  /** KV bytes per sequence at the full context L_in + L_out (B). */
  readonly kvBytesPerSequenceMax: Bytes;
  /**
   * Output tokens each sequence gains per decode step (1 without speculative decoding; the
   * expected accepted length with it). `flopPerOutputToken` and the byte terms already
   * include the verification and draft work.
   */
  readonly tokensPerStep: number;
  /** Fixed time per decode step, t₀ (s); 0 in bound mode. */
  readonly stepOverhead: Seconds;
  /** Host time per sequence per decode step, t₁ (s); 0 in bound mode. */
  readonly sequenceOverhead: Seconds;
  /** Offered concurrency (count). */
  readonly concurrency: number;
  /** TPOT target (s), if any. */
  readonly tpot?: Seconds;
  /** TTFT target (s), if any. */
  readonly ttft?: Seconds;
  /** Accelerator board power cap (W). */
  readonly maxPower: Watts;
  /** Idle power per accelerator in this mode (W). */
  readonly idlePower: Watts;
  /** Dynamic energy per FLOP in this mode (J/FLOP). */
  readonly joulesPerFlop: JoulesPerFlop;
  /** Dynamic energy per byte in this mode (J/B). */
  readonly joulesPerByte: JoulesPerByte;
  /** Site delivered power at the meter (W), if the scenario has one. */
  readonly deliveredPower?: Watts;
  /** PUE (1). */
  readonly pue: Ratio;
  /** Cooling capacity (W), if the scenario has one. */
  readonly coolingCapacity?: Watts;
}

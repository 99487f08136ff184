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
  /**
   * The prefill's part of `flopPerOutputToken` (FLOP/output token). The estimate runs chunked
   * prefill inside the decode steps, so the steps the TPOT target times carry it; the bound
   * times decode steps without it, since a deployment may prefill on other devices
   * (disaggregated prefill) — the compute stave still counts the prefill FLOP.
   */
  readonly prefillFlopPerOutputToken: FlopPerOutputToken;
  /** Prefill FLOP of one request (FLOP). */
  readonly prefillFlopPerRequest: Flop;
  /** Weights resident in memory (B). */
  readonly weightBytesResident: Bytes;
  /** Weight bytes one decode step reads at a batch (B). */
  readonly weightBytesPerStep: (batch: number) => Bytes;
  /** KV and recurrent-state bytes one decode step reads per sequence, at the exact mean over its decode positions (B). */
  readonly kvBytesPerSequenceMean: Bytes;
  /** Shared-prefix KV bytes one decode step reads once for the whole batch (B); 0 unless the bound reads a shared prefix once. */
  readonly kvBytesSharedRead: Bytes;
  /** KV and recurrent-state bytes one sequence in flight holds on average (its own part, without a shared prefix) (B). */
  readonly kvBytesPerSequenceHeld: Bytes;
  /** Shared-prefix KV held once per replica (B). */
  readonly kvBytesShared: Bytes;
  /**
   * Output tokens each sequence gains per decode step (1 without speculative decoding; the
   * expected accepted length with it). `flopPerOutputToken` and the byte terms already
   * include the verification and draft work.
   */
  readonly tokensPerStep: number;
  /**
   * Share of output tokens that come out of decode steps, (L_out − 1)/L_out: the first token of
   * every request comes out of its prefill (1).
   */
  readonly decodeShare: number;
  /**
   * Pipeline stages (count): a step of each stage runs a microbatch of batch ÷ stages sequences
   * through its layers; a sequence advances once every `stages` steps.
   */
  readonly stages: number;
  /**
   * Per-layer time per stage-step beyond FLOP and bytes (s); 0 in bound mode. Part of it is
   * launch gaps (the device waits), part extra kernels (`kernelOverhead`).
   */
  readonly layerOverhead: Seconds;
  /** The part of `layerOverhead` the device spends running extra kernels (s), e.g. activation quantization for block-scaled experts. */
  readonly kernelOverhead: Seconds;
  /**
   * Compute on the busiest device over the mean at a batch (1): under expert parallelism the
   * device with the most token-expert assignments sets the step; 1 otherwise and in bound mode.
   */
  readonly computeImbalance: (batch: number) => number;
  /** Communication per stage-step at a batch, after overlap (s); 0 in bound mode. */
  readonly communicationTime: (batch: number) => number;
  /** Time to first token of one request alone: its prefill, no queueing (s). */
  readonly prefillLatency: Seconds;
  /** Fixed time per decode step, t₀ (s); 0 in bound mode. */
  readonly stepOverhead: Seconds;
  /** Host time per sequence per decode step, t₁ (s); 0 in bound mode. */
  readonly sequenceOverhead: Seconds;
  /** Offered concurrency (count). */
  readonly concurrency: number;
  /** TPOT target (s), if any. */
  readonly tpot?: Seconds | undefined;
  /** TTFT target (s), if any. */
  readonly ttft?: Seconds | undefined;
  /** The board power limit in effect (W). */
  readonly maxPower: Watts;
  /**
   * The highest clock the plant may run, as a fraction of the max boost clock (1): 1, or a
   * locked clock ÷ max boost. Compute time scales with 1/clock; memory time does not.
   */
  readonly clockFraction: number;
  /** The lowest settable clock as a fraction of the max boost clock (1). */
  readonly minClockFraction: number;
  /**
   * Supply voltage at the lowest DVFS point over the voltage at the max boost clock (1): dynamic
   * energy per FLOP scales with max(clock, this)². 1 in bound mode (its energy per FLOP is
   * already the lowest any clock reaches).
   */
  readonly voltageFloor: number;
  /** Idle power per accelerator in this mode (W); 0 in bound mode. */
  readonly idlePower: Watts;
  /** Static power added while serving, per accelerator, in this mode (W); 0 in bound mode. */
  readonly activePower: Watts;
  /** Dynamic energy per FLOP of the compute precision in this mode (J/FLOP). */
  readonly joulesPerFlop: JoulesPerFlop;
  /** Dynamic energy per byte in this mode (J/B). */
  readonly joulesPerByte: JoulesPerByte;
  /** Site delivered power at the meter (W), if the scenario has one. */
  readonly deliveredPower?: Watts | undefined;
  /** PUE (1). */
  readonly pue: Ratio;
  /** Cooling capacity (W), if the scenario has one. */
  readonly coolingCapacity?: Watts | undefined;
}

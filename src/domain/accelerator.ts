import type {
  Bytes,
  BytesPerSecond,
  FlopPerSecond,
  JoulesPerByte,
  JoulesPerFlop,
  Ratio,
  Watts,
} from "../units/index.js";
import type { Precision } from "./precision.js";
import type { Provenance } from "./provenance.js";

/**
 * Device power model: P = idle + joulesPerFlop·(FLOP/s) + joulesPerByte·(B/s), capped at
 * maxPower. `boundFraction` (≤ 1) scales the dynamic terms for the physical bound: the lowest
 * ratio of measured to modelled dynamic power seen in calibration, so no measured run can
 * sit above the bound's device-power and facility-power staves.
 */
export interface PowerModel extends Provenance {
  /**
   * Static power (W): drawn whether or not tokens flow. For fitted parts this is the
   * intercept of the fit over serving runs (it includes clocks-up baseline activity), so it
   * is higher than a datasheet idle figure.
   */
  readonly idlePower: Watts;
  /** Dynamic energy per FLOP (J/FLOP). */
  readonly joulesPerFlop: JoulesPerFlop;
  /** Dynamic energy per byte of HBM traffic (J/B). */
  readonly joulesPerByte: JoulesPerByte;
  /** Lower-envelope factor on dynamic energy for bound mode (1). */
  readonly boundFraction: Ratio;
}

/** An accelerator: dense peak rates per precision, memory, power. */
export interface Accelerator extends Provenance {
  /** Catalog id (e.g. "H100-SXM"), or "custom". */
  readonly id: string;
  /** Human name. */
  readonly name: string;
  /** Dense (no 2:4 sparsity) peak FLOP/s per compute precision; absent = unsupported. */
  readonly peakFlopPerSecond: Readonly<Partial<Record<Precision, FlopPerSecond>>>;
  /** Memory capacity (B). */
  readonly memoryCapacity: Bytes;
  /** Peak memory bandwidth (B/s). */
  readonly memoryBandwidth: BytesPerSecond;
  /** Maximum board power, TDP (W). */
  readonly maxPower: Watts;
  /** Power model for the device-power stave and energy per token. */
  readonly power: PowerModel;
}

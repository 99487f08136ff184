import type {
  Bytes,
  BytesPerSecond,
  FlopPerSecond,
  Hertz,
  JoulesPerByte,
  JoulesPerFlop,
  Seconds,
  Watts,
} from "../units/index.js";
import type { Precision } from "./precision.js";
import type { Provenance } from "./provenance.js";

/** How a catalog value was obtained: read in a source, computed from sourced values, or fitted on measurements. */
export type Grade = "published" | "derived" | "fitted";

/** A sourced value's provenance with its grade. */
export interface Graded extends Provenance {
  /** published, derived or fitted. */
  readonly grade: Grade;
}

/**
 * Dynamic energy coefficients of one accelerator: what each FLOP and each byte of HBM traffic
 * costs above the static draw, at full clock.
 */
export interface EnergyCoefficients extends Graded {
  /** Dynamic energy per FLOP at full clock, per tensor-core format (J/FLOP); absent = no such format. */
  readonly joulesPerFlop: Readonly<Partial<Record<Precision, JoulesPerFlop>>>;
  /** Dynamic energy per byte of HBM traffic (J/B). */
  readonly joulesPerByte: JoulesPerByte;
  /** Energy per byte sent over the scale-up link (NVLink, Infinity Fabric, PCIe) (J/B). */
  readonly joulesPerLinkByte: JoulesPerByte;
}

/**
 * The device power model. An accelerator draws
 *   P = P_idle                                   when nothing runs,
 *   P = P_idle + P_active·s·v²·busy + ε_flop(p)·v²·FLOP/s + ε_byte·B/s   while it serves,
 * at clock fraction s (1 = the datasheet peak's clock), v = max(s, voltage floor) the supply
 * voltage relative to the top (dynamic energy per operation scales with V²), busy the share of
 * the step its kernels run; never above the power limit in effect. The `bound`
 * coefficients are the lowest any evidence or physics allows (the bound's device-power,
 * facility-power and cooling staves use them, with no idle or active draw); the `estimate`
 * coefficients are fitted on measured runs or derived from the nearest measured sibling.
 */
export interface PowerModel {
  /** Board power with nothing running, clocks idle (W). */
  readonly idlePower: Watts;
  /** Where the idle figure comes from. */
  readonly idleSource: Graded;
  /**
   * Power of the SM array kept busy at the top clock, beyond the idle draw: schedulers,
   * load/store, caches, on-chip network (W). Dynamic: scales with f·V², and lasts while kernels
   * run.
   */
  readonly activePower: Watts;
  /**
   * Supply voltage at the lowest DVFS point over the voltage at the max boost clock (1), for the
   * estimate's energy per FLOP at a lowered clock: ε(s) = ε·max(s, this)².
   */
  readonly voltageFloor: number;
  /** Where the voltage floor comes from. */
  readonly voltageFloorSource: Graded;
  /** Settable board power limit range (W): a cap outside it is refused. */
  readonly powerLimitRange: {
    /** Lowest settable board power limit (W). */
    readonly min: Watts;
    /** Highest settable board power limit, the TDP (W). */
    readonly max: Watts;
  };
  /** Where the limit range comes from. */
  readonly powerLimitSource: Graded;
  /** Lowest coefficients any evidence shows (bound mode). */
  readonly bound: EnergyCoefficients;
  /** Fitted or derived coefficients (estimate mode). */
  readonly estimate: EnergyCoefficients;
}

/** Graphics (SM) clock range, for clock locking and the DVFS model. */
export interface ClockRange extends Graded {
  /** Highest settable (max boost) clock (Hz). */
  readonly max: Hertz;
  /** The clock the datasheet peak FLOP/s are quoted at (Hz); a lock below it lowers the compute ceiling. */
  readonly peak: Hertz;
  /** Lowest settable graphics clock (Hz). */
  readonly min: Hertz;
}

/** The scale-up link between the accelerators of one replica. */
export interface Interconnect extends Graded {
  /** Link name ("NVLink 4", "Infinity Fabric", "PCIe 5.0 x16"). */
  readonly name: string;
  /** Bandwidth per accelerator, one direction (B/s). */
  readonly bandwidth: BytesPerSecond;
  /** Small-message latency of one collective step (s). */
  readonly latency: Seconds;
}

/** The fractions of peak an accelerator reaches in serving, for the estimate. */
export interface HardwareEfficiency extends Graded {
  /** η_c: achievable fraction of dense peak FLOP/s on large GEMMs (1). */
  readonly compute: number;
  /** GEMM width per tensor-parallel shard at which the achieved fraction is η_c / 2 (count). */
  readonly computeHalfWidth: number;
  /** η_m: achievable fraction of peak memory bandwidth (1). */
  readonly bandwidth: number;
}

/** An accelerator: dense peak rates per precision, memory, power. */
export interface Accelerator extends Provenance {
  /** Catalog id (e.g. "H100-SXM"), or "custom". */
  readonly id: string;
  /** Human name. */
  readonly name: string;
  /** Dense (no 2:4 sparsity) peak FLOP/s per compute precision at the max boost clock; absent = unsupported. */
  readonly peakFlopPerSecond: Readonly<Partial<Record<Precision, FlopPerSecond>>>;
  /** Memory capacity (B). */
  readonly memoryCapacity: Bytes;
  /** Peak memory bandwidth (B/s). */
  readonly memoryBandwidth: BytesPerSecond;
  /**
   * The board power limit in effect (W): the default limit (TDP) unless a power cap or an
   * inline override lowers it.
   */
  readonly maxPower: Watts;
  /** The default board power limit, TDP (W). */
  readonly defaultPowerLimit: Watts;
  /** A locked graphics clock (Hz), if one is set (the clock-lock lever). */
  readonly clockLock?: Hertz;
  /** Graphics clock range. */
  readonly clock: ClockRange;
  /** Scale-up interconnect. */
  readonly interconnect: Interconnect;
  /** Power model for the device-power stave and energy per token. */
  readonly power: PowerModel;
  /** The fractions of peak it reaches in serving (estimate). */
  readonly efficiency: HardwareEfficiency;
}

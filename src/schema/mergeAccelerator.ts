import type { Accelerator, EnergyCoefficients, PowerModel } from "../domain/accelerator.js";
import type { Precision } from "../domain/precision.js";
import { joulesPerFlop, watts, type Bytes, type BytesPerSecond, type FlopPerSecond, type Hertz, type JoulesPerFlop, type Watts } from "../units/index.js";
import type { ScenarioIssue } from "./scenarioError.js";
import { boundJoulesPerFlop, VOLTAGE_FLOOR_FACTOR } from "../catalog/boundEnergy.js";

/** The fields an inline accelerator may override, in SI (as the schema parsed them). */
export interface AcceleratorOverrides {
  /** Human name. */
  readonly name?: string | undefined;
  /** Peak FLOP/s per format: a number replaces the base's, null removes the format. */
  readonly peakFlopPerSecond?: Readonly<Partial<Record<Precision, FlopPerSecond | null>>> | undefined;
  /** Memory capacity (B). */
  readonly memoryCapacity?: Bytes | undefined;
  /** Peak memory bandwidth (B/s). */
  readonly memoryBandwidth?: BytesPerSecond | undefined;
  /** Board power limit in effect (W). */
  readonly maxPower?: Watts | undefined;
  /** Static power (W). */
  readonly idlePower?: Watts | undefined;
  /** Busy-array power above idle (W). */
  readonly activePower?: Watts | undefined;
  /** Locked SM clock (Hz). */
  readonly clockLock?: Hertz | undefined;
  /** Where the figures come from. */
  readonly source?: string | undefined;
  /** Their date. */
  readonly date?: string | undefined;
}

/** The peaks after the overrides: the base's formats with the given ones replaced or removed (null). */
const mergedPeaks = (
  reference: Accelerator,
  hasBase: boolean,
  given: AcceleratorOverrides["peakFlopPerSecond"],
): Partial<Record<Precision, FlopPerSecond>> => {
  const peaks: Partial<Record<Precision, FlopPerSecond>> = hasBase ? { ...reference.peakFlopPerSecond } : {};
  for (const [format, value] of Object.entries(given ?? {}) as [Precision, FlopPerSecond | null | undefined][]) {
    if (value === null) delete peaks[format];
    else if (value !== undefined) peaks[format] = value;
  }
  return peaks;
};

/**
 * Energy per FLOP for a format the reference has no coefficient for, by the catalog's rule
 * (src/catalog/estimateEnergy.ts, boundEnergy.ts): tensor cores running any format at full
 * throughput draw about the same power, so ε(p) = ε(r)·peak(r) / peak(p) for a reference format
 * r the reference has (bf16 first). Formats the reference has keep their coefficient: energy
 * per FLOP belongs to the silicon, a changed peak is a faster or slower part of it.
 */
const withFormats = (
  coefficients: EnergyCoefficients,
  peaks: Partial<Record<Precision, FlopPerSecond>>,
  referencePeaks: Partial<Record<Precision, FlopPerSecond>>,
): EnergyCoefficients => {
  const missing = (Object.keys(peaks) as Precision[]).filter((p) => coefficients.joulesPerFlop[p] === undefined);
  if (missing.length === 0) return coefficients;
  const order: Precision[] = ["bf16", "fp16", "fp8", "fp32", "int8", "fp4"];
  const anchor = order.find((p) => coefficients.joulesPerFlop[p] !== undefined && (peaks[p] ?? referencePeaks[p]) !== undefined);
  if (anchor === undefined) return coefficients;
  const fullThroughputPower = coefficients.joulesPerFlop[anchor]! * (peaks[anchor] ?? referencePeaks[anchor])!;
  const perFlop: Partial<Record<Precision, JoulesPerFlop>> = { ...coefficients.joulesPerFlop };
  for (const p of missing) perFlop[p] = joulesPerFlop(fullThroughputPower / peaks[p]!);
  return {
    ...coefficients,
    joulesPerFlop: perFlop,
    grade: "derived",
    source: `${coefficients.source}; ${missing.join(", ")} added inline: the power of ${anchor} at full throughput (ε·peak) over the new peak`,
  };
};

/**
 * The bound's energy per FLOP after the overrides: per format the lower of the reference's
 * coefficient and the catalog's bound rule κ·TDP/peak on the merged peak and limit. A faster
 * inline part at the same power (or a chip with no base, which would otherwise inherit
 * H100's figures) then gets the floor its own peak implies, so its device-power stave stays
 * at or above its compute stave; the lower of the two keeps the bound a ceiling either way.
 */
const boundFloors = (coefficients: EnergyCoefficients, peaks: Partial<Record<Precision, FlopPerSecond>>, tdp: number): EnergyCoefficients => {
  const perFlop: Partial<Record<Precision, JoulesPerFlop>> = { ...coefficients.joulesPerFlop };
  let changed = false;
  for (const [format, peak] of Object.entries(peaks) as [Precision, FlopPerSecond][]) {
    const rule = boundJoulesPerFlop(peak, tdp);
    const current = perFlop[format];
    if (current === undefined || rule < current) {
      perFlop[format] = rule;
      changed = true;
    }
  }
  return changed
    ? { ...coefficients, joulesPerFlop: perFlop, grade: "derived", source: `${coefficients.source}; inline peaks: ${VOLTAGE_FLOOR_FACTOR.value} × TDP / peak where lower` }
    : coefficients;
};

/**
 * The power model after the overrides. An inline maxPower is the limit in effect; the settable
 * range widens to include it, and above the base's TDP it becomes the TDP (a higher-power part).
 * Without a catalog base the given maxPower is the TDP and the range keeps the reference's
 * proportion min/max.
 */
const mergedPower = (reference: Accelerator, hasBase: boolean, fields: AcceleratorOverrides, peaks: Partial<Record<Precision, FlopPerSecond>>): { power: PowerModel; defaultPowerLimit: Watts } => {
  const ref = reference.power;
  const maxPower = fields.maxPower;
  let range = ref.powerLimitRange;
  let defaultPowerLimit = reference.defaultPowerLimit;
  let limitSource = ref.powerLimitSource;
  if (maxPower !== undefined && !hasBase) {
    defaultPowerLimit = maxPower;
    range = { min: watts(maxPower * (ref.powerLimitRange.min / ref.powerLimitRange.max)), max: maxPower };
    limitSource = { ...ref.powerLimitSource, grade: "derived", source: `inline maxPower as the TDP; minimum in the proportion of ${reference.id}'s range (${ref.powerLimitSource.source})` };
  } else if (maxPower !== undefined && (maxPower > range.max || maxPower < range.min)) {
    if (maxPower > defaultPowerLimit) defaultPowerLimit = maxPower;
    range = { min: watts(Math.min(range.min, maxPower)), max: watts(Math.max(range.max, maxPower)) };
    limitSource = { ...ref.powerLimitSource, grade: "derived", source: `${ref.powerLimitSource.source}; widened to the inline maxPower ${maxPower} W` };
  }
  return {
    defaultPowerLimit,
    power: {
      ...ref,
      ...(fields.idlePower === undefined ? {} : { idlePower: fields.idlePower }),
      ...(fields.activePower === undefined ? {} : { activePower: fields.activePower }),
      powerLimitRange: range,
      powerLimitSource: limitSource,
      bound: boundFloors(withFormats(ref.bound, peaks, reference.peakFlopPerSecond), peaks, defaultPowerLimit),
      estimate: withFormats(ref.estimate, peaks, reference.peakFlopPerSecond),
    },
  };
};

/**
 * An inline accelerator: the reference (its catalog base, else H100-SXM for the fields not
 * given) with the overrides merged field by field: peak FLOP/s per format (the base's other
 * formats kept, `null` removes one), power fields into the power model, the settable power range
 * widened to an inline maxPower, a clock lock checked against the clock range. Problems go to
 * `issues`, each naming the field, the value and what was expected.
 * @example mergeAccelerator(ACCELERATORS["H100-SXM"], true, { peakFlopPerSecond: { bf16: flopPerSecond(1.2e15) } }, []).peakFlopPerSecond.fp8 // H100's fp8 peak
 */
export const mergeAccelerator = (
  reference: Accelerator,
  hasBase: boolean,
  fields: AcceleratorOverrides,
  issues: ScenarioIssue[],
): Accelerator => {
  const peaks = mergedPeaks(reference, hasBase, fields.peakFlopPerSecond);
  if (Object.keys(peaks).length === 0) {
    issues.push({ path: "accelerator.peakFlopPerSecond", message: "expected at least one format with a peak; every one was removed (null) or none was given" });
  }
  const maxPower = fields.maxPower ?? reference.maxPower;
  const staticPower = fields.idlePower ?? reference.power.idlePower;
  if (!(staticPower < maxPower)) {
    issues.push(
      fields.maxPower !== undefined
        ? { path: "accelerator.maxPower", message: `expected a board power above the static power (idlePower ${staticPower} W), got ${maxPower} W` }
        : { path: "accelerator.idlePower", message: `expected a static power below maxPower (${maxPower} W), got ${staticPower} W` },
    );
  }
  const { min, max } = reference.clock;
  if (fields.clockLock !== undefined && !(fields.clockLock >= min && fields.clockLock <= max)) {
    issues.push({ path: "accelerator.clockLock", message: `expected a clock within ${reference.id}'s range ${min / 1e6}–${max / 1e6} MHz, got ${fields.clockLock / 1e6} MHz` });
  }
  const { power, defaultPowerLimit } = mergedPower(reference, hasBase, fields, peaks);
  return {
    ...reference,
    id: hasBase ? `${reference.id}+custom` : "custom",
    name: fields.name ?? `custom (${reference.name})`,
    peakFlopPerSecond: peaks,
    memoryCapacity: fields.memoryCapacity ?? reference.memoryCapacity,
    memoryBandwidth: fields.memoryBandwidth ?? reference.memoryBandwidth,
    maxPower,
    defaultPowerLimit,
    ...(fields.clockLock === undefined ? {} : { clockLock: fields.clockLock }),
    power,
    source: fields.source ?? "user input",
    date: fields.date ?? "user input",
  };
};

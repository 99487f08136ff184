import type { EnergyCoefficients, Graded } from "../domain/accelerator.js";
import type { Precision } from "../domain/precision.js";
import { joulesPerByte, joulesPerFlop, type FlopPerSecond, type JoulesPerFlop } from "../units/index.js";

// The bound's energy coefficients: the lowest energy per FLOP and per byte physics and public
// evidence allow, so the device-power, facility-power and cooling staves of the bound are
// ceilings (PAPER_NOTES.md, "Why each stave is a ceiling").

/** Memory technology of an accelerator, for its energy per byte. */
export type MemoryKind = "hbm2e" | "hbm3" | "hbm3e" | "gddr6";

/**
 * The most favourable dynamic energy per operation relative to running the datasheet peak at
 * the default power limit: κ = (V_floor / V_max)². Dynamic energy per switched operation is
 * C·V²; the clock can fall, but the supply cannot go below the voltage floor where logic still
 * switches, so no clock setting does an operation for less than κ × its energy at the top of the
 * DVFS range. And at the top of the range an operation costs at least TDP / peak (no evidence
 * shows a chip sustaining its datasheet peak below its limit: sustained GEMMs reach 73–78 % of it
 * at the limit, measurements.md §5). κ = 0.25 takes V_floor/V_max = 0.5, below the ~0.65–0.7 V
 * floor and ~1.0–1.1 V top of current 4–5 nm parts, so it errs on the favourable side.
 */
export const VOLTAGE_FLOOR_FACTOR: Graded & {
  /** (V_floor/V_max)², the share of dynamic energy per operation left at the voltage floor (1). */
  readonly value: number;
} = {
  value: 0.25,
  grade: "derived",
  source:
    "derived: (V_floor/V_max)² with V_floor/V_max = 0.5; the lowest core voltages read on Hopper and Ampere are 0.67–0.73 V at idle clocks (nvidia-smi -q captures: H100 670 mV, H200 685 mV, A100 706 mV), so the ratio is above 0.5 unless the voltage at max boost exceeds 1.34 V; E_op ∝ C·V² (CMOS dynamic energy)",
  date: "2026-11",
};

/** Energy per byte of one memory technology: the lowest any source shows (bound) and a typical figure (estimate siblings). */
export interface MemoryEnergy extends Graded {
  /** The lowest published energy per byte of this class of memory (J/B): the bound uses it. */
  readonly floorJoulesPerByte: number;
  /** A typical published energy per byte (J/B): derived estimates scale a fitted sibling by it. */
  readonly typicalJoulesPerByte: number;
}

const PJ_PER_BIT = 8e-12;
const HBM_FLOOR =
  "3.9 pJ/bit, the lowest figure found for any HBM generation: Samsung's HBM3E (\"3.9 pJ per bit\", reported by chinaflashmarket.com, 2025) and the HBM2 constant of bespoke-silicon-group/reallm structs/Memory.py (31.2 pJ/B)";

/**
 * Energy per byte read from each memory technology (J/B), device and interface together. The
 * floor takes the lowest figure found for the whole class (an older HBM generation is not
 * assumed better than a newer one's published figure).
 */
export const MEMORY_ENERGY: Readonly<Record<MemoryKind, MemoryEnergy>> = {
  hbm2e: {
    floorJoulesPerByte: 3.9 * PJ_PER_BIT, typicalJoulesPerByte: 6.0 * PJ_PER_BIT, grade: "published",
    source: `floor ${HBM_FLOOR}; typical 6.0 pJ/bit, Micron comparison table (HBM2E average device power, reproduced at kylolab.com/ultra-bandwidth-solutions.html)`,
    date: "2021",
  },
  hbm3: {
    floorJoulesPerByte: 3.9 * PJ_PER_BIT, typicalJoulesPerByte: 3.9 * PJ_PER_BIT, grade: "derived",
    source: `floor ${HBM_FLOOR}; typical: no HBM3 figure found, HBM3E's 3.9 pJ/bit taken`,
    date: "2025",
  },
  hbm3e: {
    floorJoulesPerByte: 3.9 * PJ_PER_BIT, typicalJoulesPerByte: 3.9 * PJ_PER_BIT, grade: "published",
    source: `floor and typical ${HBM_FLOOR}`,
    date: "2025",
  },
  gddr6: {
    floorJoulesPerByte: 7.25 * PJ_PER_BIT, typicalJoulesPerByte: 7.5 * PJ_PER_BIT, grade: "published",
    source: "Micron comparison table (reproduced at kylolab.com/ultra-bandwidth-solutions.html): GDDR6 7.5 pJ/bit, GDDR6X 7.25 pJ/bit (the floor)",
    date: "2021",
  },
};

/**
 * The bound's energy per FLOP of one tensor-core format: κ·TDP/peak (J/FLOP), the least a chip
 * that runs its datasheet peak within its TDP can spend per FLOP at its lowest voltage.
 * @example boundJoulesPerFlop(flopPerSecond(1.9789e15), 700) // 0.25 × 700 / 1.9789e15 J
 */
export const boundJoulesPerFlop = (peak: number, tdpWatts: number): JoulesPerFlop =>
  joulesPerFlop((VOLTAGE_FLOOR_FACTOR.value * tdpWatts) / peak);

/**
 * The bound's coefficients for one accelerator: per tensor-core format κ·TDP/peak(p), the
 * memory class's floor per byte, and no link energy.
 * @example boundCoefficients({ fp8: flopPerSecond(1.9789e15) }, 700, "hbm3").joulesPerFlop.fp8 // 0.25 × 700 / 1.9789e15
 */
export const boundCoefficients = (
  peaks: Readonly<Partial<Record<Precision, FlopPerSecond>>>,
  defaultPowerLimit: number,
  memory: MemoryKind,
): EnergyCoefficients => {
  const perFlop: Partial<Record<Precision, JoulesPerFlop>> = {};
  for (const [precision, peak] of Object.entries(peaks) as [Precision, FlopPerSecond][]) {
    perFlop[precision] = boundJoulesPerFlop(peak, defaultPowerLimit);
  }
  const floor = MEMORY_ENERGY[memory];
  return {
    joulesPerFlop: perFlop,
    joulesPerByte: joulesPerByte(floor.floorJoulesPerByte),
    joulesPerLinkByte: joulesPerByte(0),
    grade: "derived",
    source: `bound: per FLOP ${VOLTAGE_FLOOR_FACTOR.value} × TDP / dense peak per format (${VOLTAGE_FLOOR_FACTOR.source}); per byte the memory class's floor (${floor.source}); link 0 (the bound moves no bytes between devices)`,
    date: VOLTAGE_FLOOR_FACTOR.date,
  };
};

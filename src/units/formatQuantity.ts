import type { Dimension } from "./dimension.js";
import type { QuantityKind } from "./kind.js";
import type { Quantity } from "./quantity.js";

/** Options for formatQuantity. */
export interface FormatOptions {
  /** Significant digits of the mantissa (1–17); default 3. */
  readonly significantDigits?: number;
}

const PREFIXES: Readonly<Record<number, string>> = {
  [-8]: "y", [-7]: "z", [-6]: "a", [-5]: "f", [-4]: "p", [-3]: "n", [-2]: "µ", [-1]: "m",
  0: "", 1: "k", 2: "M", 3: "G", 4: "T", 5: "P", 6: "E", 7: "Z", 8: "Y",
};

const mantissa = (value: number, digits: number): string => {
  const rounded = Number(value.toPrecision(digits));
  if (rounded === 0) return "0";
  const integerDigits = Math.floor(Math.log10(Math.abs(rounded))) + 1;
  return rounded.toFixed(Math.max(0, digits - integerDigits));
};

// Engineering prefix exponent (multiple of 3, as a power of 1000) for a value, or 0 when the
// value reads well without one (0.01 ≤ |v| < 1000: "0.373 J/token", not "373 mJ/token").
const prefixPower = (value: number, digits: number, lowest: number, highest: number): number => {
  const magnitude = Math.abs(Number(value.toPrecision(digits)));
  if (magnitude === 0 || (magnitude >= 0.01 && magnitude < 1000)) return 0;
  const power = Math.floor(Math.log10(magnitude) / 3);
  return Math.min(highest, Math.max(lowest, power));
};

/**
 * Formats a quantity for people, with SI prefixes and a fixed number of significant digits:
 * "1.20 MW", "989 TFLOP/s", "0.373 J/token", "400 g/kWh". The output parses back with
 * parseQuantity to the same kind.
 * @example formatQuantity(watts(1.2e6), power) // "1.20 MW"
 */
export const formatQuantity = <Q extends Quantity<Dimension>>(
  q: Q,
  kind: QuantityKind<Q>,
  options: FormatOptions = {},
): string => {
  const digits = Math.min(17, Math.max(1, Math.round(options.significantDigits ?? 3)));
  const value = q * kind.displayPerBase;
  const unit = kind.displayUnit === "" ? "" : ` ${kind.displayUnit}`;
  if (!Number.isFinite(value)) return `${value}${unit}`;
  if (kind.prefixes === "none") {
    const magnitude = Math.abs(value);
    const plain = magnitude === 0 || (magnitude >= 1e-3 && magnitude < 1e6);
    return `${plain ? mantissa(value, digits) : value.toExponential(digits - 1)}${unit}`;
  }
  const lowest = kind.prefixes === "all" ? -8 : 0;
  const power = prefixPower(value, digits, lowest, 8);
  const scaled = value / 10 ** (3 * power);
  const magnitude = Math.abs(scaled);
  // Outside the prefix table (or sub-unit bytes): exponent notation still parses back.
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
    return `${scaled.toExponential(digits - 1)} ${PREFIXES[power]}${kind.displayUnit}`;
  }
  return `${mantissa(scaled, digits)} ${PREFIXES[power]}${kind.displayUnit}`;
};

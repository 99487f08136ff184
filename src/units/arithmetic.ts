import type { DimInverse, DimProduct, DimQuotient, Dimension } from "./dimension.js";
import type { Quantity } from "./quantity.js";
import type {
  JoulesPerOutputToken,
  JoulesPerTotalToken,
  Ratio,
  TotalTokensPerOutputToken,
} from "./quantities.js";

// Typed arithmetic: the result dimension is inferred from the operands'. At runtime each
// function is one floating-point operation; V8 inlines them (see bench/ for the ratio).

/** Product a·b; dimensions add. @example mul(watts(700), seconds(3600)) // 2.52e6 J */
export const mul = <A extends Dimension, B extends Dimension>(
  a: Quantity<A>,
  b: Quantity<B>,
): Quantity<DimProduct<A, B>> => (a * b) as Quantity<DimProduct<A, B>>;

/** Quotient a/b; dimensions subtract. @example div(watts(700), joulesPerOutputToken(0.39)) */
export const div = <A extends Dimension, B extends Dimension>(
  a: Quantity<A>,
  b: Quantity<B>,
): Quantity<DimQuotient<A, B>> => (a / b) as Quantity<DimQuotient<A, B>>;

/** Reciprocal 1/a. @example inv(seconds(0.05)) // 20 per second */
export const inv = <A extends Dimension>(a: Quantity<A>): Quantity<DimInverse<A>> =>
  (1 / a) as Quantity<DimInverse<A>>;

/** Sum of two quantities of the same dimension. @example add(joules(1), joules(2)) */
export const add = <Q extends Quantity<Dimension>>(a: Q, b: Q): Q => (a + b) as Q;

/** Difference of two quantities of the same dimension. @example sub(watts(700), watts(80)) */
export const sub = <Q extends Quantity<Dimension>>(a: Q, b: Q): Q => (a - b) as Q;

/** A quantity times a plain (dimensionless) factor. @example scale(watts(700), 8) */
export const scale = <Q extends Quantity<Dimension>>(a: Q, factor: number | Ratio): Q =>
  (a * factor) as Q;

/** The smaller of two same-dimension quantities. @example min(watts(1), watts(2)) */
export const min = <Q extends Quantity<Dimension>>(a: Q, b: Q): Q => (a < b ? a : b);

/** The larger of two same-dimension quantities. @example max(watts(1), watts(2)) */
export const max = <Q extends Quantity<Dimension>>(a: Q, b: Q): Q => (a > b ? a : b);

/** a < b for same-dimension quantities. */
export const lt = <Q extends Quantity<Dimension>>(a: Q, b: Q): boolean => a < b;
/** a ≤ b for same-dimension quantities. */
export const le = <Q extends Quantity<Dimension>>(a: Q, b: Q): boolean => a <= b;
/** a > b for same-dimension quantities. */
export const gt = <Q extends Quantity<Dimension>>(a: Q, b: Q): boolean => a > b;
/** a ≥ b for same-dimension quantities. */
export const ge = <Q extends Quantity<Dimension>>(a: Q, b: Q): boolean => a >= b;

/**
 * Converts J/total-token to J/output-token with the explicit token mix
 * (total tokens per output token = (L_in + L_out) / L_out). There is no other way to change
 * the basis, so the two can never be confused silently.
 * @example toOutputBasis(joulesPerTotalToken(0.2), totalPerOutput(2)) // 0.4 J/output token
 */
export const toOutputBasis = (
  perTotal: JoulesPerTotalToken,
  mix: TotalTokensPerOutputToken,
): JoulesPerOutputToken => mul(perTotal, mix);

/**
 * Converts J/output-token to J/total-token with the explicit token mix.
 * @example toTotalBasis(joulesPerOutputToken(0.4), totalPerOutput(2)) // 0.2 J/total token
 */
export const toTotalBasis = (
  perOutput: JoulesPerOutputToken,
  mix: TotalTokensPerOutputToken,
): JoulesPerTotalToken => div(perOutput, mix);

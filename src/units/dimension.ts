import type { Exponent, ExponentNegation, ExponentSum } from "./exponent.js";

/**
 * The domain basis. Every key is always present (zeros included) so that a quantity with
 * an extra dimension can never be assigned to one without it (the safe-units v2 lesson).
 * Output tokens and total (input + output) tokens are different dimensions on purpose:
 * a J-per-output-token value is not a J-per-total-token value.
 */
export interface Dimension {
  /** Exponent of energy (J). */
  readonly energy: Exponent;
  /** Exponent of time (s). */
  readonly time: Exponent;
  /** Exponent of floating-point operations (FLOP). */
  readonly flop: Exponent;
  /** Exponent of memory (B). */
  readonly bytes: Exponent;
  /** Exponent of output (generated) tokens. */
  readonly outputTokens: Exponent;
  /** Exponent of total (input + output) tokens. */
  readonly totalTokens: Exponent;
  /** Exponent of requests. */
  readonly requests: Exponent;
  /** Exponent of money (USD). */
  readonly money: Exponent;
  /** Exponent of carbon mass (gCO2e). */
  readonly carbon: Exponent;
  /** Exponent of water volume (L). */
  readonly water: Exponent;
}

/** The names of the base dimensions. */
export type BaseDimension = keyof Dimension;

/**
 * Builds a dimension from the non-zero exponents; every other key is 0.
 * `in out` (invariant) matters: without it TypeScript compares two `Dim<…>` by the variance
 * of P, finds `{ energy: 1; time: -1 }` assignable to `{ energy: 1 }` (an extra key), and
 * lets watts pass for joules. Write only the non-zero exponents.
 */
export type Dim<in out P extends Partial<Dimension>> = {
  readonly [K in BaseDimension]: P[K] extends Exponent ? P[K] : 0;
};

/** The dimension of a product: exponents add. */
export type DimProduct<A extends Dimension, B extends Dimension> = {
  readonly [K in BaseDimension]: ExponentSum[`${A[K]}`][`${B[K]}`];
};

/** The dimension of a reciprocal: exponents negate. */
export type DimInverse<A extends Dimension> = {
  readonly [K in BaseDimension]: ExponentNegation[`${A[K]}`];
};

/** The dimension of a quotient A / B. */
export type DimQuotient<A extends Dimension, B extends Dimension> = DimProduct<A, DimInverse<B>>;

/** The empty dimension (a pure ratio). */
export type Dimensionless = Dim<{}>;

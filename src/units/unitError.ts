/**
 * Why a quantity could not be read. `message` is a lowercase fragment naming what was
 * expected and what was given; callers prefix it with the field path.
 */
export interface UnitError {
  /** Discriminant. */
  readonly _tag: "UnitError";
  /** Which check failed. */
  readonly reason:
    | "empty"
    | "not-finite"
    | "negative"
    | "unknown-unit"
    | "wrong-dimension"
    | "not-a-quantity";
  /** What was expected and given. */
  readonly message: string;
  /** The value as given. */
  readonly input: unknown;
}

/** Builds a UnitError. */
export const unitError = (
  reason: UnitError["reason"],
  message: string,
  input: unknown,
): UnitError => ({ _tag: "UnitError", reason, message, input });

/**
 * Why a quantity could not be read. `message` is a lowercase fragment naming what was
 * expected and what was given; callers prefix it with the field path.
 */
export interface UnitError {
  readonly _tag: "UnitError";
  readonly reason:
    | "empty"
    | "not-finite"
    | "negative"
    | "unknown-unit"
    | "wrong-dimension"
    | "not-a-quantity";
  readonly message: string;
  readonly input: unknown;
}

/** Builds a UnitError. */
export const unitError = (
  reason: UnitError["reason"],
  message: string,
  input: unknown,
): UnitError => ({ _tag: "UnitError", reason, message, input });

import * as E from "fp-ts/lib/Either.js";
import type { Dimension } from "./dimension.js";
import type { QuantityKind } from "./kind.js";
import type { Quantity } from "./quantity.js";
import { unitError, type UnitError } from "./unitError.js";
import { unitMath } from "./unitMath.js";
import type { Unit } from "mathjs";

const MAX_INPUT_LENGTH = 200;

const expected = (kind: QuantityKind<Quantity<Dimension>>): string =>
  kind.baseUnit === ""
    ? `a plain number (${kind.name})`
    : `a ${kind.name} in ${kind.displayUnit} (or a number in ${kind.baseUnit})`;

const describe = (input: unknown): string => {
  if (typeof input === "string") {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return JSON.stringify(shown);
  }
  if (typeof input === "number") return String(input);
  if (input === null) return "null";
  if (input === undefined) return "undefined (nothing given; a required field?)";
  return typeof input;
};

const checkNumber = <Q extends Quantity<Dimension>>(
  value: number,
  kind: QuantityKind<Q>,
  input: unknown,
): E.Either<UnitError, Q> => {
  if (!Number.isFinite(value)) {
    return E.left(
      unitError("not-finite", `expected ${expected(kind)}, got ${describe(input)}`, input),
    );
  }
  if (kind.nonNegative && value < 0) {
    return E.left(
      unitError("negative", `expected a non-negative ${kind.name}, got ${describe(input)}`, input),
    );
  }
  // Normalise -0 so formatted output never shows "-0".
  return E.right((value === 0 ? 0 : value) as Q);
};

// mathjs spells micro "u"; people type µ (U+00B5) or μ (U+03BC).
const normalise = (text: string): string =>
  text.trim().replace(/[µμ]/g, "u").replace(/\bTFLOPs\b/, "TFLOPS");

const parseText = <Q extends Quantity<Dimension>>(
  input: string,
  kind: QuantityKind<Q>,
): E.Either<UnitError, Q> => {
  const text = normalise(input);
  if (text === "") {
    return E.left(unitError("empty", `expected ${expected(kind)}, got an empty string`, input));
  }
  if (text.length > MAX_INPUT_LENGTH) {
    return E.left(
      unitError("not-a-quantity", `expected ${expected(kind)}, got a string of ${text.length} characters`, input),
    );
  }
  // A bare number is read as the base unit. Number() accepts "", "0x10", "Infinity": guard.
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    return checkNumber(Number(text), kind, input);
  }
  if (kind.baseUnit === "") {
    return E.left(unitError("not-a-quantity", `expected ${expected(kind)}, got ${describe(input)}`, input));
  }
  const math = unitMath();
  if (math === undefined) {
    return E.left(
      unitError("not-a-quantity", `expected ${expected(kind)}, got ${describe(input)} (unit strings need mathjs here: call preloadUnits() first)`, input),
    );
  }
  let parsed: Unit;
  try {
    parsed = math.unit(text) as Unit;
  } catch {
    return E.left(
      unitError("unknown-unit", `expected ${expected(kind)}, got ${describe(input)} (unknown unit)`, input),
    );
  }
  let value: number;
  try {
    if (parsed.value === null || !parsed.equalBase(math.unit(kind.baseUnit) as Unit)) {
      return E.left(
        unitError("wrong-dimension", `expected ${expected(kind)}, got ${describe(input)}`, input),
      );
    }
    value = parsed.toNumber(kind.baseUnit);
  } catch {
    return E.left(
      unitError("wrong-dimension", `expected ${expected(kind)}, got ${describe(input)}`, input),
    );
  }
  return checkNumber(value, kind, input);
};

/**
 * Reads a quantity at the boundary: a number (taken as the base unit: W, J, s, FLOP, B,
 * token …) or a string with units ("700 W", "1.2 MW", "50 ms", "989.4 TFLOPS", "3.35 TB/s",
 * "400 g/kWh"). Never throws: a wrong dimension, an unknown unit, NaN, ±Infinity, an empty
 * string or a negative value gives a Left whose message names what was expected and what
 * was given.
 * @example parseQuantity("1.2 MW", power) // Right(1_200_000)
 */
export const parseQuantity = <Q extends Quantity<Dimension>>(
  input: unknown,
  kind: QuantityKind<Q>,
): E.Either<UnitError, Q> => {
  if (typeof input === "number") return checkNumber(input, kind, input);
  if (typeof input === "string") return parseText(input, kind);
  return E.left(unitError("not-a-quantity", `expected ${expected(kind)}, got ${describe(input)}`, input));
};

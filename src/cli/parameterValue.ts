import * as E from "fp-ts/lib/Either.js";
import { PARAMETERS } from "../planning/parameters.js";
import {
  bandwidth,
  computeRate,
  energyPrice,
  frequency,
  memory,
  outputTokenCount,
  parseQuantity,
  power,
  ratioKind,
  time,
  type Dimension,
  type Quantity,
  type QuantityKind,
} from "../units/index.js";

type AnyKind = QuantityKind<Quantity<Dimension>>;

// The quantity kind that reads each parameter unit, so values may be unit strings.
const KIND_BY_UNIT: Readonly<Record<string, AnyKind>> = {
  W: power as AnyKind,
  s: time as AnyKind,
  "B/s": bandwidth as AnyKind,
  B: memory as AnyKind,
  "FLOP/s": computeRate as AnyKind,
  token: outputTokenCount as AnyKind,
  "USD/J": energyPrice as AnyKind,
  Hz: frequency as AnyKind,
};

/**
 * The quantity kind of a parameter's values (W → power, s → time, …; plain ratio otherwise).
 * @example parameterKind("facility.deliveredPower").name // "power"
 */
export const parameterKind = (name: string): AnyKind => KIND_BY_UNIT[PARAMETERS[name]?.unit ?? "1"] ?? (ratioKind as AnyKind);

/**
 * A parameter value from outside, in SI: a number, or a string with units when the parameter
 * has a unit ("1 MW", "50 ms"). Left is the message without the field name.
 * @example parameterValue("facility.deliveredPower", "1 MW") // Right(1_000_000)
 */
export const parameterValue = (name: string, input: unknown): E.Either<string, number> => {
  const parsed = parseQuantity(input, parameterKind(name));
  return E.isRight(parsed) ? E.right(parsed.right) : E.left(parsed.left.message);
};

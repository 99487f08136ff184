import { z } from "zod";
import { describeRange, expectedMessage, FIELD_RANGES, inRange, type FieldRange, type RangePath } from "../domain/ranges.js";
import { boundedQuantitySchema, type Dimension, type Quantity, type QuantityKind } from "../units/index.js";

// zod schemas of the documented ranges (src/domain/ranges.ts), for the scenario and lever
// schemas: the message is the range's, "expected a ratio in [1, 10], got 0.8".

/**
 * A number or unit string of `kind`, in the range documented for `path`.
 * @example rangedQuantity("facility.pue", ratioKind)
 */
export const rangedQuantity = <Q extends Quantity<Dimension>>(path: RangePath, kind: QuantityKind<Q>): z.ZodType<Q, unknown> => {
  const range: FieldRange = FIELD_RANGES[path];
  return boundedQuantitySchema(kind, (x) => inRange(range, x), describeRange(range));
};

/**
 * A plain number (a count, a token length, a share given without units) in the range
 * documented for `path`.
 * @example rangedNumber("count")
 */
export const rangedNumber = (path: RangePath): z.ZodType<number, unknown> => {
  const range: FieldRange = FIELD_RANGES[path];
  return z.unknown().transform((input, ctx): number => {
    if (inRange(range, input)) return input;
    ctx.issues.push({ code: "custom", message: expectedMessage(range, input), input });
    return z.NEVER;
  });
};

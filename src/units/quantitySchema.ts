import * as E from "fp-ts/lib/Either.js";
import { z } from "zod";
import type { Dimension } from "./dimension.js";
import type { QuantityKind } from "./kind.js";
import { parseQuantity } from "./parseQuantity.js";
import type { Quantity } from "./quantity.js";

/**
 * A zod schema for a field that accepts an SI number or a unit string and yields the branded
 * quantity. It takes `unknown` and converts in one step (not a zod union, whose failure
 * collapses to "Invalid input"), so the issue message names the expected unit and the value.
 * @example z.object({ deliveredPower: quantitySchema(power) })
 */
export const quantitySchema = <Q extends Quantity<Dimension>>(
  kind: QuantityKind<Q>,
): z.ZodType<Q, unknown> =>
  z.unknown().transform((input, ctx): Q => {
    const parsed = parseQuantity(input, kind);
    if (E.isRight(parsed)) return parsed.right;
    ctx.issues.push({ code: "custom", message: parsed.left.message, input });
    return z.NEVER;
  });

/**
 * Like quantitySchema, with an extra range check (e.g. PUE ≥ 1, utilization ≤ 1).
 * `describe` is the expectation in words, used in the message: "a ratio >= 1".
 * @example boundedQuantitySchema(ratioKind, (x) => x >= 1, "a ratio >= 1")
 */
export const boundedQuantitySchema = <Q extends Quantity<Dimension>>(
  kind: QuantityKind<Q>,
  accept: (value: number) => boolean,
  describe: string,
): z.ZodType<Q, unknown> =>
  z.unknown().transform((input, ctx): Q => {
    const parsed = parseQuantity(input, kind);
    if (E.isRight(parsed) && accept(parsed.right)) return parsed.right;
    // A negative value is out of the documented range too: one message for the field, the range's.
    const message = E.isLeft(parsed) && parsed.left.reason !== "negative"
      ? parsed.left.message
      : `expected ${describe}, got ${JSON.stringify(input)}`;
    ctx.issues.push({ code: "custom", message, input });
    return z.NEVER;
  });

import * as E from "fp-ts/lib/Either.js";
import { tpf, type TpfInputs, type TpfResult } from "./tpf.js";

/** The documented input ranges of the paper form (SI units); inside them no result overflows or underflows. */
export const TPF_RANGES: Readonly<Record<keyof TpfInputs, readonly [number, number, string]>> = {
  effectiveCompute: [1e-3, 1e24, "FLOP/s"],
  flopPerToken: [1e-3, 1e18, "FLOP/token"],
  facilityPower: [1e-3, 1e15, "W"],
  joulesPerToken: [1e-12, 1e9, "J/token"],
  theta: [1e-6, 1e6, "1"],
  phi: [1e-6, 1e6, "1"],
  utilization: [1e-6, 1, "1"],
};

/** Why tpfChecked refused its inputs. */
export interface TpfRangeError {
  /** Discriminant. */
  readonly _tag: "TpfRangeError";
  /** One line per input out of range: "facilityPower: expected 0.001…1e+15 W, got 0". */
  readonly message: string;
}

/**
 * The paper form with its inputs checked against TPF_RANGES first: a Left naming each
 * input outside its documented range (or not finite), so nothing overflows or underflows
 * silently. tpf() itself trusts its (typed) inputs.
 * @example tpfChecked({ ...inputs, facilityPower: watts(0) }) // Left: facilityPower …
 */
export const tpfChecked = (inputs: TpfInputs): E.Either<TpfRangeError, TpfResult> => {
  const problems = (Object.keys(TPF_RANGES) as (keyof TpfInputs)[]).flatMap((key) => {
    const value = inputs[key];
    if (value === undefined) return [];
    const [low, high, unit] = TPF_RANGES[key];
    return Number.isFinite(value) && value >= low && value <= high ? [] : [`${key}: expected ${low}…${high} ${unit}, got ${value}`];
  });
  return problems.length > 0 ? E.left({ _tag: "TpfRangeError", message: problems.join("\n") }) : E.right(tpf(inputs));
};

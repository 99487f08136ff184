import { describe, expectTypeOf, it } from "vitest";
import {
  add,
  bytes,
  bytesPerSecond,
  div,
  flop,
  flopPerOutputToken,
  flopPerSecond,
  joules,
  joulesPerOutputToken,
  joulesPerTotalToken,
  max,
  min,
  mul,
  outputTokens,
  outputTokensPerSecond,
  ratio,
  seconds,
  sub,
  toOutputBasis,
  toTotalBasis,
  totalPerOutput,
  totalTokensPerSecond,
  watts,
  lt,
  type Bytes,
  type BytesPerOutputToken,
  type FlopPerJoule,
  type FlopPerOutputToken,
  type Joules,
  type JoulesPerOutputToken,
  type JoulesPerTotalToken,
  type OutputTokensPerSecond,
  type Ratio,
  type Seconds,
  type TotalTokensPerSecond,
  type Watts,
} from "../../src/units/index.js";

// Functions with named signatures, as the model's own code has them.
const takesJoules = (e: Joules): Joules => e;
const takesWatts = (p: Watts): Watts => p;
const takesTokenRate = (r: OutputTokensPerSecond): OutputTokensPerSecond => r;
const takesJPerOutput = (e: JoulesPerOutputToken): JoulesPerOutputToken => e;
const takesJPerTotal = (e: JoulesPerTotalToken): JoulesPerTotalToken => e;
const takesRatio = (r: Ratio): Ratio => r;
const takesBytes = (b: Bytes): Bytes => b;
const takesSeconds = (s: Seconds): Seconds => s;
const takesFlopPerToken = (c: FlopPerOutputToken): FlopPerOutputToken => c;

describe("wrong dimensions do not compile", () => {
  it("rejects each misuse", () => {
    // 1. W where J is expected
    // @ts-expect-error watts are not joules
    takesJoules(watts(700));
    // 2. J where W is expected
    // @ts-expect-error joules are not watts
    takesWatts(joules(1));
    // 3. FLOP/s where tokens/s is expected
    // @ts-expect-error a compute rate is not a token rate
    takesTokenRate(flopPerSecond(1e15));
    // 4. J/output-token where J/total-token is expected
    // @ts-expect-error the two token bases differ
    takesJPerTotal(joulesPerOutputToken(0.4));
    // 5. J/total-token where J/output-token is expected
    // @ts-expect-error the two token bases differ
    takesJPerOutput(joulesPerTotalToken(0.2));
    // 6. adding W to J
    // @ts-expect-error no sum of power and energy
    add(watts(1), joules(1));
    // 7. subtracting seconds from joules
    // @ts-expect-error no difference of energy and time
    sub(joules(1), seconds(1));
    // 8. a plain number where a quantity is expected
    // @ts-expect-error plain numbers carry no dimension
    takesWatts(700);
    // 9. total tokens/s where output tokens/s is expected
    // @ts-expect-error token bases differ in rates too
    takesTokenRate(totalTokensPerSecond(100));
    // 10. W·s is energy, not power
    // @ts-expect-error the product of W and s is J
    takesWatts(mul(watts(700), seconds(1)));
    // 11. J/s is power, not energy
    // @ts-expect-error the quotient of J and s is W
    takesJoules(div(joules(1), seconds(1)));
    // 12. B/s where B is expected
    // @ts-expect-error bandwidth is not memory
    takesBytes(bytesPerSecond(3.35e12));
    // 13. a quantity where a ratio is expected
    // @ts-expect-error watts are not dimensionless
    takesRatio(watts(1));
    // 14. min of different dimensions
    // @ts-expect-error min needs one dimension
    min(seconds(1), joules(1));
    // 15. comparing FLOP with bytes
    // @ts-expect-error comparisons need one dimension
    lt(flop(1), bytes(1));
    // 16. FLOP where FLOP/token is expected
    // @ts-expect-error a count of FLOP is not an intensity
    takesFlopPerToken(flop(1.4e11));
    // 17. converting the basis the wrong way round
    // @ts-expect-error toOutputBasis takes J/total-token
    toOutputBasis(joulesPerOutputToken(0.4), totalPerOutput(2));
    // 18. output tokens where seconds are expected
    // @ts-expect-error a token count is not a time
    takesSeconds(outputTokens(1));
    // 19. max of a token rate and a compute rate
    // @ts-expect-error max needs one dimension
    max(outputTokensPerSecond(1), flopPerSecond(1));
  });
});

describe("inferred result types", () => {
  it("mul and div", () => {
    expectTypeOf(mul(watts(700), seconds(3600))).toEqualTypeOf<Joules>();
    expectTypeOf(div(joules(1), seconds(1))).toEqualTypeOf<Watts>();
    expectTypeOf(div(watts(700), joulesPerOutputToken(0.39))).toEqualTypeOf<OutputTokensPerSecond>();
    expectTypeOf(div(flopPerSecond(1e15), flopPerOutputToken(1.4e11))).toEqualTypeOf<OutputTokensPerSecond>();
    expectTypeOf(div(flop(1), joules(1))).toEqualTypeOf<FlopPerJoule>();
    expectTypeOf(div(bytes(1), outputTokens(1))).toEqualTypeOf<BytesPerOutputToken>();
    expectTypeOf(mul(outputTokensPerSecond(1), totalPerOutput(2))).toEqualTypeOf<TotalTokensPerSecond>();
    expectTypeOf(div(watts(1), watts(2))).toEqualTypeOf<Ratio>();
    expectTypeOf(mul(ratio(2), watts(1))).toEqualTypeOf<Watts>();
  });
  it("basis conversion", () => {
    expectTypeOf(toOutputBasis(joulesPerTotalToken(0.2), totalPerOutput(2))).toEqualTypeOf<JoulesPerOutputToken>();
    expectTypeOf(toTotalBasis(joulesPerOutputToken(0.4), totalPerOutput(2))).toEqualTypeOf<JoulesPerTotalToken>();
  });
});

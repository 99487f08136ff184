import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  bandwidth,
  carbonIntensity,
  computeRate,
  div,
  energy,
  energyPerOutputToken,
  energyPrice,
  formatQuantity,
  hourlyPrice,
  memory,
  mul,
  outputTokenRate,
  parseQuantity,
  power,
  quantity,
  time,
  waterIntensity,
  type Quantity,
  type Dimension,
  type QuantityKind,
} from "../../src/units/index.js";

/** Log-uniform magnitudes between 10^lo and 10^hi. */
const logUniform = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

const kinds: QuantityKind<Quantity<Dimension>>[] = [
  power, energy, time, computeRate, bandwidth, memory, outputTokenRate,
  energyPerOutputToken, carbonIntensity, waterIntensity, energyPrice, hourlyPrice,
] as QuantityKind<Quantity<Dimension>>[];

describe("units properties", () => {
  it("format → parse round-trips within relative 1e-9 over 1e-12…1e18", () => {
    fc.assert(
      fc.property(logUniform(-12, 18), fc.constantFrom(...kinds), (value, kind) => {
        const text = formatQuantity(quantity(value), kind, { significantDigits: 12 });
        const back = parseQuantity(text, kind);
        if (E.isLeft(back)) throw new Error(`${text}: ${back.left.message}`);
        expect(Math.abs(back.right - value) / value).toBeLessThan(1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it("parseQuantity never throws on arbitrary strings and values", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything(), fc.double()), fc.constantFrom(...kinds), (input, kind) => {
        const result = parseQuantity(input, kind);
        if (E.isRight(result)) expect(Number.isFinite(result.right)).toBe(true);
        else expect(result.left.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("parseQuantity never throws on unit-shaped strings", () => {
    const unitish = fc
      .tuple(fc.double(), fc.constantFrom("W", "kWh", "TFLOPS", "B/s", "GiB", "J/token", "g/kWh", "x", "/", "^2", "µs", "USD/h", ""))
      .map(([v, u]) => `${v} ${u}`);
    fc.assert(
      fc.property(unitish, fc.constantFrom(...kinds), (input, kind) => {
        const result = parseQuantity(input, kind);
        if (E.isRight(result)) expect(Number.isFinite(result.right)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("mul is commutative and associative; div is mul by the reciprocal", () => {
    const v = logUniform(-6, 6);
    fc.assert(
      fc.property(v, v, v, (a, b, c) => {
        const qa = quantity<Quantity<{ energy: 1; time: 0; flop: 0; bytes: 0; outputTokens: 0; totalTokens: 0; requests: 0; money: 0; carbon: 0; water: 0 }>>(a);
        const qb = quantity<Quantity<{ energy: 0; time: -1; flop: 0; bytes: 0; outputTokens: 0; totalTokens: 0; requests: 0; money: 0; carbon: 0; water: 0 }>>(b);
        const qc = quantity<Quantity<{ energy: 0; time: 0; flop: 1; bytes: 0; outputTokens: 0; totalTokens: 0; requests: 0; money: 0; carbon: 0; water: 0 }>>(c);
        expect(mul(qa, qb)).toBe(mul(qb, qa));
        const left = mul(mul(qa, qb), qc);
        const right = mul(qa, mul(qb, qc));
        expect(Math.abs(left - right) / Math.abs(left)).toBeLessThan(1e-15);
        expect(Math.abs(div(qa, qb) - a * (1 / b)) / Math.abs(a / b)).toBeLessThan(1e-15);
      }),
    );
  });
});

import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  bandwidth,
  carbonIntensity,
  computeRate,
  energy,
  energyPerOutputToken,
  energyPrice,
  hourlyPrice,
  memory,
  outputTokenRate,
  parseQuantity,
  power,
  ratioKind,
  time,
  waterIntensity,
  work,
} from "../../src/units/index.js";

const right = (r: E.Either<unknown, number>): number => {
  if (E.isLeft(r)) throw new Error(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};
const leftMessage = (r: E.Either<{ message: string }, number>): string => {
  if (E.isRight(r)) throw new Error(`expected Left, got ${r.right}`);
  return r.left.message;
};

describe("parseQuantity known values", () => {
  it("1 kWh = 3.6e6 J", () => expect(right(parseQuantity("1 kWh", energy))).toBeCloseTo(3.6e6, 6));
  it("1 W × 1 h = 3600 J (as 1 Wh)", () => expect(right(parseQuantity("1 Wh", energy))).toBeCloseTo(3600, 9));
  it("989.4 TFLOP/s = 9.894e14 FLOP/s", () => {
    expect(right(parseQuantity("989.4 TFLOP/s", computeRate)) / 9.894e14).toBeCloseTo(1, 12);
    expect(right(parseQuantity("989.4 TFLOPS", computeRate)) / 9.894e14).toBeCloseTo(1, 12);
  });
  it("3.35 TB/s = 3.35e12 B/s", () => expect(right(parseQuantity("3.35 TB/s", bandwidth)) / 3.35e12).toBeCloseTo(1, 12));
  it("1 GiB = 1073741824 B", () => expect(right(parseQuantity("1 GiB", memory))).toBe(1073741824));
  it("power spellings", () => {
    expect(right(parseQuantity("700 W", power))).toBe(700);
    expect(right(parseQuantity("1.2 MW", power))).toBeCloseTo(1.2e6, 6);
    expect(right(parseQuantity("3 kW", power))).toBeCloseTo(3000, 9);
    expect(right(parseQuantity("1 GW", power))).toBeCloseTo(1e9, 3);
  });
  it("energy spellings", () => {
    expect(right(parseQuantity("2 kJ", energy))).toBeCloseTo(2000, 9);
    expect(right(parseQuantity("1 MWh", energy))).toBeCloseTo(3.6e9, 3);
  });
  it("time spellings", () => {
    expect(right(parseQuantity("50 ms", time))).toBeCloseTo(0.05, 15);
    expect(right(parseQuantity("5 µs", time))).toBeCloseTo(5e-6, 15);
    expect(right(parseQuantity("5 us", time))).toBeCloseTo(5e-6, 15);
    expect(right(parseQuantity("2 h", time))).toBe(7200);
  });
  it("FLOP spellings", () => {
    expect(right(parseQuantity("1 PFLOP", work))).toBeCloseTo(1e15, 0);
    expect(right(parseQuantity("2 TFLOP", work))).toBeCloseTo(2e12, 0);
    expect(right(parseQuantity("1 PFLOP/s", computeRate))).toBeCloseTo(1e15, 0);
  });
  it("token, carbon, water, price spellings", () => {
    expect(right(parseQuantity("100 tokens/s", outputTokenRate))).toBe(100);
    expect(right(parseQuantity("0.373 J/token", energyPerOutputToken))).toBeCloseTo(0.373, 12);
    // 400 g/kWh = 400 / 3.6e6 g/J
    expect(right(parseQuantity("400 g/kWh", carbonIntensity))).toBeCloseTo(400 / 3.6e6, 18);
    expect(right(parseQuantity("0.4 kg/kWh", carbonIntensity))).toBeCloseTo(400 / 3.6e6, 18);
    expect(right(parseQuantity("0.3 L/kWh", waterIntensity))).toBeCloseTo(0.3 / 3.6e6, 18);
    expect(right(parseQuantity("0.06 USD/kWh", energyPrice))).toBeCloseTo(0.06 / 3.6e6, 18);
    expect(right(parseQuantity("2 USD/h", hourlyPrice))).toBeCloseTo(2 / 3600, 15);
  });
  it("plain numbers are SI", () => {
    expect(right(parseQuantity(700, power))).toBe(700);
    expect(right(parseQuantity("700", power))).toBe(700);
    expect(right(parseQuantity("1.2", ratioKind))).toBe(1.2);
  });
});

describe("parseQuantity errors", () => {
  it("wrong dimension names what was expected and given", () => {
    const message = leftMessage(parseQuantity("700 J", power));
    expect(message).toContain("power in W");
    expect(message).toContain('"700 J"');
  });
  it("unknown unit", () => expect(leftMessage(parseQuantity("700 bananas", power))).toContain("unknown unit"));
  it("NaN and infinities", () => {
    expect(leftMessage(parseQuantity(Number.NaN, power))).toContain("NaN");
    expect(leftMessage(parseQuantity(Number.POSITIVE_INFINITY, power))).toContain("Infinity");
    expect(leftMessage(parseQuantity("Infinity", power))).toContain("Infinity");
  });
  it("empty string", () => expect(leftMessage(parseQuantity("  ", power))).toContain("empty"));
  it("negative values", () => expect(leftMessage(parseQuantity("-5 W", power))).toContain("non-negative power"));
  it("non-strings", () => {
    expect(leftMessage(parseQuantity(null, power))).toContain("null");
    expect(leftMessage(parseQuantity({ value: 1 }, power))).toContain("object");
    expect(leftMessage(parseQuantity(undefined, power))).toContain("undefined");
  });
  it("a unit on a ratio", () => expect(E.isLeft(parseQuantity("1.2 W", ratioKind))).toBe(true));
});

import { describe, expect, it } from "vitest";
import {
  carbonIntensity,
  computeRate,
  energyPerOutputToken,
  energyPrice,
  formatQuantity,
  joulesPerOutputToken,
  flopPerSecond,
  memory,
  bytes,
  power,
  quantity,
  time,
  seconds,
  watts,
  type CarbonIntensity,
  type EnergyPrice,
} from "../../src/units/index.js";

describe("formatQuantity", () => {
  it("the issue's examples", () => {
    expect(formatQuantity(watts(1.2e6), power)).toBe("1.20 MW");
    expect(formatQuantity(flopPerSecond(9.894e14), computeRate)).toBe("989 TFLOP/s");
    expect(formatQuantity(joulesPerOutputToken(0.373), energyPerOutputToken)).toBe("0.373 J/token");
  });
  it("sub-unit prefixes where they read better", () => {
    expect(formatQuantity(seconds(0.0005), time)).toBe("500 µs");
    expect(formatQuantity(watts(0), power)).toBe("0 W");
  });
  it("rounding up into the next prefix", () => expect(formatQuantity(watts(999_970), power)).toBe("1.00 MW"));
  it("display units differ from the base unit", () => {
    // 400 g/kWh stored as 400/3.6e6 g/J
    expect(formatQuantity(quantity<CarbonIntensity>(400 / 3.6e6), carbonIntensity)).toBe("400 g/kWh");
    expect(formatQuantity(quantity<EnergyPrice>(0.06 / 3.6e6), energyPrice)).toBe("0.0600 USD/kWh");
  });
  it("bytes take only large prefixes", () => {
    expect(formatQuantity(bytes(80e9), memory)).toBe("80.0 GB");
    expect(formatQuantity(bytes(0.0005), memory)).toBe("5.00e-4 B");
  });
  it("significant digits", () => expect(formatQuantity(watts(1234.5678), power, { significantDigits: 6 })).toBe("1.23457 kW"));
});

// Tokens, MWh, tCO2 and cost of a 50 MW site over a year with an hourly carbon profile.
// Run: npx tsx examples/site-year.ts
import * as E from "fp-ts/lib/Either.js";
import { formatScenarioError, parseScenario, timeSeries, type SeriesStep } from "../src/index.js";
import { quantity, ratio, type CarbonIntensity } from "../src/units/index.js";

const site = parseScenario({
  accelerator: "H100-SXM",
  count: 8,
  replicas: 6000,
  model: "llama-3.1-70b",
  precision: "fp8",
  workload: "chat",
  facility: { preset: "air-cooled-hgx", deliveredPower: "50 MW", grid: "us-erco" },
  utilization: 0.7,
});
if (E.isLeft(site)) throw new Error(formatScenarioError(site.left));

// A synthetic diurnal profile around the ERCOT annual average (393 g/kWh, EPA eGRID 2022):
// solar midday dip, evening peak; utilization follows the day.
const hours: SeriesStep[] = Array.from({ length: 8760 }, (_, h) => {
  const hourOfDay = h % 24;
  const gramsPerKwh = 393 * (1 - 0.25 * Math.cos(((hourOfDay - 1) / 24) * 2 * Math.PI));
  return {
    carbonIntensity: quantity<CarbonIntensity>(gramsPerKwh / 3.6e6),
    utilization: ratio(hourOfDay >= 8 && hourOfDay < 22 ? 0.8 : 0.5),
  };
});

const year = timeSeries(site.right, hours);
if (E.isLeft(year)) throw new Error(year.left.message);
const { total } = year.right;
console.log(`output tokens per year: ${total.outputTokens.toExponential(3)}`);
console.log(`energy at the meter: ${(total.facilityEnergy / 3.6e9).toFixed(0)} MWh`);
console.log(`emissions (location-based): ${(total.carbonGrams / 1e6).toFixed(0)} tCO2e`);
console.log(`cost (energy + accelerator-hours): ${(total.costUsd / 1e6).toFixed(1)} million USD`);

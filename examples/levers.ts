// On a power-bound 20 MW site serving an 8k/1k workload under TPOT 50 ms, which lever buys
// the most tokens per day, at unchanged quality? Run: npx tsx examples/levers.ts
import * as E from "fp-ts/lib/Either.js";
import {
  batching,
  compareLevers,
  compose,
  facilityLever,
  formatScenarioError,
  kvCompression,
  MODELS,
  parseScenario,
  powerCap,
  quantization,
  sparseAttention,
  speculativeDecoding,
} from "../src/index.js";
import { ratio, seconds, watts } from "../src/units/index.js";

const SECONDS_PER_DAY = 86_400;

// 3,000 replicas of 8× H100 want more than 20 MW at the meter: the site is power-bound.
const site = parseScenario({
  accelerator: "H100-SXM",
  count: 8,
  replicas: 3000,
  model: "llama-3.1-70b",
  precision: "bf16",
  workload: "8k1k",
  facility: { preset: "air-cooled-hgx", deliveredPower: "20 MW" },
  targets: { tpot: "50 ms" },
});
if (E.isLeft(site)) throw new Error(formatScenarioError(site.left));

const rows = compareLevers(
  site.right,
  [
    quantization({ weights: "fp8", compute: "fp8" }),
    quantization({ kv: "fp8" }),
    kvCompression({ ratio: 4 }),
    sparseAttention({ topK: 2048 }),
    speculativeDecoding({ acceptanceRate: 0.7, draftLength: 4, draftModel: MODELS["llama-3.1-8b"] }),
    powerCap({ maxPower: watts(550) }),
    batching({ concurrency: 256 }),
    facilityLever({ pue: ratio(1.1) }),
    compose(quantization({ weights: "fp8", compute: "fp8" }), facilityLever({ pue: ratio(1.1) })),
  ],
  { qualityFloor: 1, targets: { tpot: seconds(0.05) }, objective: "tokens/s" },
);

console.log(`baseline binds on: ${rows.find((r) => r.baseline)?.bindingBefore}`);
console.log("lever".padEnd(72) + "tokens/day".padStart(14) + "  J/token (facility)  binding after");
for (const row of rows) {
  const perDay = row.feasible ? (row.outputTokensPerSecond * SECONDS_PER_DAY).toExponential(3) : "infeasible";
  console.log(
    `${row.id.padEnd(72)}${perDay.padStart(14)}  ${(row.joulesPerOutputToken ?? Number.NaN).toFixed(3).padStart(19)}  ${row.bindingAfter}${row.feasible ? "" : ` (${row.reason})`}`,
  );
}
const best = rows.find((r) => r.feasible && !r.baseline);
console.log(`most tokens per day at unchanged quality: ${best?.id}`);

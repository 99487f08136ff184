// How many B200 and how many MW for 1 million output tokens/s of llama-3.1-70b chat under
// TPOT 50 ms, and what binds? Run: npx tsx examples/capacity-plan.ts
import * as E from "fp-ts/lib/Either.js";
import { crossover, formatScenarioError, parseScenario, plan } from "../src/index.js";

const b200 = parseScenario({
  accelerator: "B200",
  count: 8,
  model: "llama-3.1-70b",
  precision: "fp8",
  workload: "chat",
  facility: "air-cooled-hgx",
  targets: { tpot: "50 ms" },
});
if (E.isLeft(b200)) throw new Error(formatScenarioError(b200.left));

const result = plan([b200.right], { outputTokensPerSecond: 1e6 });
if (E.isLeft(result)) throw new Error(result.left.message);
const option = result.right.cheapest!;
console.log(`B200 accelerators: ${option.accelerators} (${option.replicas} replicas of ${option.count}, ${option.nodes} nodes)`);
console.log(`power at the meter: ${(option.meterPower / 1e6).toFixed(2)} MW (IT ${(option.itPower / 1e6).toFixed(2)} MW)`);
console.log(`binding stave per replica: ${option.binding}`);
console.log(`cost: ${option.usdPerHour.total.toFixed(0)} USD/h (energy ${option.usdPerHour.energy.toFixed(0)}, accelerators ${option.usdPerHour.accelerators.toFixed(0)})`);

// The concurrency at which a replica stops being limited by memory bandwidth.
const turn = crossover(b200.right, "workload.concurrency", { low: 1, high: 4096 });
if (E.isRight(turn) && turn.right.found) {
  console.log(`decode turns ${turn.right.after}-bound at concurrency ${turn.right.value.toFixed(1)} (was ${turn.right.before})`);
}

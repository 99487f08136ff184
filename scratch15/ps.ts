import * as E from "fp-ts/lib/Either.js";
import { parseScenario, planSearch } from "../src/index.js";
const s = parseScenario({ accelerator: "B200", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: "chat", facility: { deliveredPower: "5 MW", pue: 1.2 }, targets: { tpot: "40 ms" } });
if (E.isLeft(s)) throw new Error("bad");
const t0 = performance.now();
const r = planSearch([s.right], { outputTokensPerSecond: 2e6 });
console.log("ms", performance.now() - t0);
if (E.isRight(r)) {
  console.log(r.right.evaluated, r.right.feasible);
  for (const c of r.right.pareto) console.log(c.label, c.replicas, c.accelerators, c.usdPerMillionTokens.toFixed(3), c.joulesPerOutputToken.toFixed(3), (c.meterPower/1e6).toFixed(2), c.binding);
  const reasons = new Map<string, number>(); for (const c of r.right.candidates) if (!c.feasible) { const k=(c.reason??"").slice(0,50); reasons.set(k,(reasons.get(k)??0)+1);} console.log(reasons);
} else console.log(r.left);

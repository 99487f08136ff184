// Cite a bound in a paper: prints the LaTeX disclosure card of a deployment (needs
// \usepackage{booktabs,siunitx,longtable}). Run: npx tsx examples/cite-a-bound.ts > card.tex
import * as E from "fp-ts/lib/Either.js";
import { formatScenarioError, parseScenario, report } from "../src/index.js";

const scenario = parseScenario({
  accelerator: "B200",
  count: 8,
  model: "qwen3-235b-a22b",
  precision: "fp8",
  workload: "8k1k",
  facility: { preset: "liquid-cooled-nvl72", deliveredPower: "1 MW", grid: "us-camx" },
  targets: { tpot: "50 ms", qualityFloor: 0.99 },
});
if (E.isLeft(scenario)) throw new Error(formatScenarioError(scenario.left));
console.log(report(scenario.right, { format: "latex" }));

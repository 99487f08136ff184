// Evaluates the built-in default scenario and prints what binds. Run: npx tsx examples/evaluate-default.ts
import * as E from "fp-ts/lib/Either.js";
import { DEFAULT_SCENARIO_DOCUMENT, evaluate, formatScenarioError, parseScenario } from "../src/index.js";

const scenario = parseScenario(DEFAULT_SCENARIO_DOCUMENT);
if (E.isLeft(scenario)) throw new Error(formatScenarioError(scenario.left));
const { bound, estimate } = evaluate(scenario.right);
console.log(`bound ${bound.outputTokensPerSecond.toFixed(0)} tokens/s (${bound.binding}); estimate ${estimate.outputTokensPerSecond.toFixed(0)} tokens/s (${estimate.binding})`);
console.log(`estimate J/output token at the facility: ${estimate.joulesPerOutputToken?.facility.toFixed(3)}`);

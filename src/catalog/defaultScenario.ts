/**
 * The built-in default scenario document (DESIGN §6 shape): 8× H100-SXM serving
 * llama-3.1-70b in fp8 on the chat workload, at a 1 MW site with PUE 1.2. `npm start`
 * evaluates it.
 */
export const DEFAULT_SCENARIO_DOCUMENT = {
  accelerator: "H100-SXM",
  count: 8,
  model: "llama-3.1-70b",
  precision: { weights: "fp8" },
  workload: "chat",
  facility: { preset: "unconstrained", deliveredPower: "1 MW", pue: 1.2 },
} as const;

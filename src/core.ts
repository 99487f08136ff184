// token-production/core: the model without the parsing boundary. No zod, no mathjs: data in
// (typed quantities and resolved Scenario objects), numbers out. Import this in hot paths
// and cold starts; use the root entry for parseScenario, readers and the CLI pieces.

export { tpf } from "./tpf/tpf.js";
export type { PaperStave, TpfInputs, TpfResult } from "./tpf/tpf.js";
export {
  crossoverEffectiveCompute,
  crossoverFacilityPower,
  crossoverFlopPerToken,
  crossoverJoulesPerToken,
  tpfCrossovers,
} from "./tpf/crossovers.js";
export { evaluate, evaluateMode } from "./tpf/evaluate.js";
export type { CostPerMillionTokens, EnergyReport, Evaluation, ModeResult, ReducedForm, Scoped } from "./tpf/result.js";
export { operatingPoint } from "./tpf/operatingPoint.js";
export { plantOf } from "./tpf/plantOf.js";
export { STAVE_NAMES } from "./staves/plant.js";
export type { Mode, Plant, StaveName } from "./staves/plant.js";
export { ACCELERATORS, ACCELERATOR_IDS, peakFlopPerSecondAt } from "./catalog/accelerators.js";
export { MODELS, MODEL_IDS } from "./catalog/models.js";
export { WORKLOADS, WORKLOAD_IDS } from "./catalog/workloads.js";
export { FACILITIES, FACILITY_IDS, GRIDS } from "./catalog/facilities.js";
export type { Accelerator, PowerModel } from "./domain/accelerator.js";
export type { Model } from "./domain/model.js";
export type { Workload } from "./domain/workload.js";
export type { Facility } from "./domain/facility.js";
export type { Scenario } from "./domain/scenario.js";
export { sweep } from "./planning/sweep.js";
export { crossover } from "./planning/crossover.js";
export { plan, siteOutput } from "./planning/plan.js";
export { sensitivity } from "./planning/sensitivity.js";

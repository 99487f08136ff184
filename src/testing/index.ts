// token-production/testing: fast-check arbitraries for property-based what-if studies.
// fast-check is a peer dependency of this subpath only.
export {
  arbAcceleratorId,
  arbFacility,
  arbModelId,
  arbScenario,
  arbScenarioDocument,
  arbWorkload,
  type ScenarioArbitraryOptions,
} from "./arbitraries.js";

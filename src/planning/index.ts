// Planning: crossovers, inverse questions, sensitivity, uncertainty, time series, sweeps.
export { PARAMETERS, PARAMETER_NAMES, isParameterName, parameterValueProblem, scenarioValueProblem, type Parameter, type ParameterName, type ScenarioLimit } from "./parameters.js";
export type { PlanningError } from "./planningError.js";
export { crossover, type Crossover, type NoCrossover, type Range } from "./crossover.js";
export { plan, scenarioLabel, sizeOption, targetProblem, siteOutput, type Plan, type PlanOptions, type PlanTarget, type PlannedDeployment, type SiteOutput } from "./plan.js";
export { replicaSourceOf, siteAnswer, type CostPerDay, type ReplicaSource, type SiteAnswer, type SiteAnswerOptions } from "./siteAnswer.js";
export { sensitivity, type Elasticity, type Sensitivity } from "./sensitivity.js";
export { uncertain, type Driver, type UncertainOptions, type UncertainOutput, type UncertainResult, type Uncertainty } from "./uncertain.js";
export { timeSeries, type SeriesResult, type SeriesStep, type TimeSeriesResult } from "./timeSeries.js";
export { sweep, type SweepGrid, type SweepOptions, type SweepResult } from "./sweep.js";
export { seededRandom } from "./random.js";
export { planSearch, MAX_SEARCH_CANDIDATES, type PlanSearch, type PlanSearchOptions, type SearchCandidate } from "./planSearch.js";
export { dominates, paretoFront } from "./pareto.js";

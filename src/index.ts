// token-production: LLM inference as energy-to-token production.
// Curated public API (DESIGN §6); units also live at the "token-production/units" subpath.

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
export type {
  CostPerMillionTokens,
  EnergyReport,
  EnergyShares,
  Evaluation,
  ModeResult,
  ReducedForm,
  Scoped,
} from "./tpf/result.js";
export { STAVE_NAMES } from "./staves/plant.js";
export type { Mode, StaveName } from "./staves/plant.js";
export { computeCeiling } from "./staves/compute.js";
export { memoryBandwidthCeiling } from "./staves/memoryBandwidth.js";
export { memoryCapacityCeiling } from "./staves/memoryCapacity.js";
export { latencyTargetCeiling } from "./staves/latencyTarget.js";
export { devicePowerCeiling } from "./staves/devicePower.js";
export { facilityPowerCeiling } from "./staves/facilityPower.js";
export { coolingCeiling } from "./staves/cooling.js";
export { plantOf } from "./tpf/plantOf.js";
export type { Plant } from "./staves/plant.js";

export { parseScenario } from "./schema/parseScenario.js";
export { formatScenarioError } from "./schema/scenarioError.js";
export type { ScenarioError, ScenarioIssue } from "./schema/scenarioError.js";
export type {
  AcceleratorDocument,
  CatalogId,
  FacilityDocument,
  ModelDocument,
  PeakFlopPerSecondDocument,
  PrecisionDocument,
  QuantityInput,
  ScenarioDocument,
  WorkloadDocument,
} from "./schema/scenarioDocument.js";
export type { LeverSpecDocument, LeverSpecShape } from "./schema/leverSpecDocument.js";

export { ACCELERATORS, ACCELERATOR_IDS, peakFlopPerSecondAt } from "./catalog/accelerators.js";
export type { AcceleratorId } from "./catalog/accelerators.js";
export { MODELS, MODEL_IDS } from "./catalog/models.js";
export type { ModelId } from "./catalog/models.js";
export { WORKLOADS, WORKLOAD_IDS } from "./catalog/workloads.js";
export type { WorkloadId } from "./catalog/workloads.js";
export { FACILITIES, FACILITY_IDS, GRIDS } from "./catalog/facilities.js";
export type { FacilityId, FacilityPreset, FacilitySources, GridId, Grid } from "./catalog/facilities.js";
export { DEFAULT_SCENARIO_DOCUMENT } from "./catalog/defaultScenario.js";
export { CALIBRATION_ERRORS, FITTED_ACCELERATOR_EFFICIENCY, FITTED_POWER, FITTED_VLLM } from "./catalog/calibrated.js";
export type { FittedAcceleratorEfficiency } from "./catalog/calibrated.js";
export { ENGINES, ENGINE_IDS } from "./catalog/engines.js";
export type { EngineProfile } from "./catalog/engines.js";
export { ACCELERATOR_PRICES, acceleratorPrice } from "./catalog/prices.js";
export type { AcceleratorPrice } from "./catalog/prices.js";
export { closestIds, didYouMean, findId } from "./catalog/closestIds.js";

export type { Accelerator, ClockRange, EnergyCoefficients, Grade, Graded, HardwareEfficiency, Interconnect, PowerModel } from "./domain/accelerator.js";
export { VOLTAGE_FLOOR_FACTOR, MEMORY_ENERGY, boundCoefficients } from "./catalog/boundEnergy.js";
export type { MemoryEnergy, MemoryKind } from "./catalog/boundEnergy.js";
export type { Model, Experts, KeptPrecision, MultiHeadLatentAttention } from "./domain/model.js";
export type { Workload } from "./domain/workload.js";
export type { Facility, CarbonBasis } from "./domain/facility.js";
export type { Scenario, Targets, Efficiency, EngineId, Parallelism } from "./domain/scenario.js";
export type { Precision, PrecisionSet } from "./domain/precision.js";
export { PRECISIONS, bytesPerElement, tensorFormat } from "./domain/precision.js";
export type { Provenance } from "./domain/provenance.js";

export { flopPerTokenAtContext } from "./physics/flopPerToken.js";
export { attentionFlopPerKey, minimumAttentionFlopPerKey } from "./physics/attentionFlop.js";
export type { AttentionForm } from "./physics/attentionFlop.js";
export { cappedLinearSum, chunkedSum, meanSpan, spanPrefixSum, spanRangeSum } from "./physics/attentionSpan.js";
export type { SpanKind } from "./physics/attentionSpan.js";
export { requestShape } from "./physics/requestShape.js";
export { allReduceTime, allToAllTime, sendTime } from "./physics/collectives.js";
export { expertLoadImbalance, touchedExpertsOnBusiestDevice } from "./physics/expertLoad.js";
export { gemmEfficiency, kvReplication, prefillCommunicationTime, stepCommunicationTime } from "./physics/parallelLayout.js";
export type { Link } from "./physics/parallelLayout.js";
export type { RequestShape } from "./physics/requestShape.js";
export { kvBytesOverDecode } from "./physics/kvBytes.js";
export { meanDecodePassFlop } from "./physics/requestFlop.js";
export { flopPerOutputTokenOf, prefillFlopPerRequest, decodeFlopPerRequest } from "./physics/requestFlop.js";
export { kvBytesPerSequence } from "./physics/kvBytes.js";
export { weightBytesPerStep, weightBytesResident } from "./physics/weightBytes.js";
export type { WeightLayout } from "./physics/weightBytes.js";

export { readMlEnergyRow, parseSimpleCsv, mlEnergyRowSchema } from "./measured/mlenergyRun.js";
export type { MlEnergyRow, MlEnergyRun } from "./measured/mlenergyRun.js";
export type { Schema, SchemaIssue, SchemaResult } from "./units/publicSchema.js";
export { mlEnergyScenario, measuredFromMlEnergy, catalogModelId } from "./measured/mlenergyScenario.js";
export { readMlEnergyCsv, readMlEnergyJson, readMlEnergyParquet } from "./measured/mlenergyLoad.js";
export { readInferenceX, measuredFromInferenceX, inferenceXRowSchema } from "./measured/inferenceX.js";
export type { InferenceXRow } from "./measured/inferenceX.js";
export { aggregateProcesses, measuredFromLlmEnergyMeasure, processResultSchema } from "./measured/llmEnergyMeasure.js";
export type { AggregatedRun, ProcessResult } from "./measured/llmEnergyMeasure.js";
export { readTelemetry, measuredFromTelemetry, telemetrySchema } from "./measured/telemetry.js";
export type { TelemetrySample } from "./measured/telemetry.js";
export { loadMeasuredRuns } from "./measured/loadRuns.js";
export type { LoadedRuns, MeasuredFormat } from "./measured/loadRuns.js";
export { formatRowError } from "./measured/loadResult.js";
export type { LoadError, LoadResult, RowError } from "./measured/loadResult.js";
export type { MeasuredRun, PowerScope } from "./measured/measuredRun.js";
export { validate, validationCsv } from "./measured/validate.js";
export type { RunValidation, Validation, ValidationSummary } from "./measured/validate.js";

export { runCli } from "./cli/run.js";
export type { CliIo, Progress, ShardOutput } from "./cli/run.js";
export { EXIT } from "./cli/exitCodes.js";
export { MissingPackage } from "./optionalPackage.js";

export {
  adaptiveReasoning,
  batching,
  clockLock,
  compareLevers,
  compose,
  facilityLever,
  identity,
  kvCompression,
  leverKinds,
  leverOf,
  leverSpecSchema,
  parseLevers,
  powerCap,
  quantization,
  routing,
  sparseAttention,
  speculativeDecoding,
} from "./levers/index.js";
export type {
  AdaptiveReasoningParameters,
  BatchingParameters,
  ClockLockParameters,
  CompareOptions,
  FacilityLeverParameters,
  KvCompressionParameters,
  Lever,
  LeverError,
  LeverKind,
  LeverKindInfo,
  LeverObjective,
  LeverRow,
  LeverSpec,
  PowerCapParameters,
  QuantizationParameters,
  RoutingParameters,
  SparseAttentionParameters,
  SpeculativeDecodingParameters,
} from "./levers/index.js";
export { expectedTokensPerStep } from "./physics/speculative.js";
export { kvBytesReadPerSequence } from "./physics/kvBytes.js";
export type { SpeculativeDecoding, Routing } from "./domain/scenario.js";
export type { AttentionSparsity } from "./domain/model.js";

export {
  PARAMETERS,
  PARAMETER_NAMES,
  crossover,
  isParameterName,
  dominates,
  paretoFront,
  parameterValueProblem,
  scenarioValueProblem,
  plan,
  planSearch,
  scenarioLabel,
  seededRandom,
  sensitivity,
  replicaSourceOf,
  siteAnswer,
  siteOutput,
  sweep,
  timeSeries,
  uncertain,
} from "./planning/index.js";
export type {
  CostPerDay,
  Crossover,
  Driver,
  Elasticity,
  NoCrossover,
  Parameter,
  ParameterName,
  ScenarioLimit,
  Plan,
  PlanOptions,
  PlanSearch,
  PlanSearchOptions,
  PlanTarget,
  SearchCandidate,
  PlannedDeployment,
  PlanningError,
  Range,
  ReplicaSource,
  SeriesResult,
  SeriesStep,
  Sensitivity,
  SiteAnswer,
  SiteAnswerOptions,
  SiteOutput,
  SweepGrid,
  SweepOptions,
  SweepResult,
  TimeSeriesResult,
  UncertainOptions,
  UncertainOutput,
  UncertainResult,
  Uncertainty,
} from "./planning/index.js";
export { FIELD_RANGES, RANGE_REASONS, describeRange, inRange, isRangePath, rangeProblem } from "./domain/ranges.js";
export type { FieldRange, RangePath } from "./domain/ranges.js";
export { layoutProblems, type LayoutProblem } from "./domain/layoutRules.js";
export { operatingPoint } from "./tpf/operatingPoint.js";
export type { OperatingPoint } from "./tpf/operatingPoint.js";
export type { FullLoadPower } from "./tpf/energyReport.js";
export type { StaveValues } from "./tpf/binding.js";
export { recurrentStateBytes } from "./physics/recurrentState.js";

export { report, disclosureCard, scenarioDigest } from "./report/report.js";
export type { DisclosureCard, ReportFormat, ReportOptions } from "./report/report.js";
export { assumptionsOf } from "./report/assumptions.js";
export type { Assumption } from "./report/assumptions.js";
export { canonicalJson } from "./report/canonicalJson.js";
export { sha256 } from "./report/sha256.js";
export { BIBTEX } from "./report/bibtex.js";
export { STAVE_COLORS, contrastRatio, rateChart, rooflineChart, stavesChart, waterfallChart } from "./report/charts/index.js";
export type { RateAxis, VegaLiteSpec, WaterfallMetric } from "./report/charts/index.js";
export { renderSvg } from "./report/renderSvg.js";
export { VERSION } from "./version.js";
export { preloadUnits } from "./units/unitMath.js";
export { tpfChecked, TPF_RANGES } from "./tpf/tpfChecked.js";
export type { TpfRangeError } from "./tpf/tpfChecked.js";

// The one table of documented input ranges (issue 15, "one validation"). parseScenario's
// schemas, the lever specs and constructors, crossover ranges, uncertain inputs, sweep grids
// and plan options all check their numbers here, so a value one entry point refuses is refused
// by every other one, with the same message. Bounds are in SI base units. No zod, no mathjs:
// the levers and the planning layer use it as well.

/** The documented range of one numeric input, in SI base units. */
export interface FieldRange {
  /** Lowest value (SI), or -Infinity. */
  readonly low: number;
  /** Whether `low` itself is refused: "(" rather than "[". */
  readonly lowOpen: boolean;
  /** Highest value (SI), or Infinity. */
  readonly high: number;
  /** Whether `high` itself is refused: ")" rather than "]". */
  readonly highOpen: boolean;
  /** Whether only whole numbers are accepted (layers, heads, devices). */
  readonly integer: boolean;
  /** SI unit of the value ("W", "s", "B/s", "token", "1" for ratios, "count"). */
  readonly unit: string;
  /** The quantity in words, for messages: "a ratio", "a delivered power". */
  readonly what: string;
}

const INTERVAL = /^([[(])\s*(\S+),\s*(\S+)\s*([\])])$/;
const bound = (text: string): number => (text === "-inf" ? Number.NEGATIVE_INFINITY : text === "inf" ? Number.POSITIVE_INFINITY : Number(text));

/** A range written as an interval: "[1, 10]", "(0, 1e15]", "(-inf, inf)". */
const range = (interval: string, unit: string, what: string, integer = false): FieldRange => {
  const m = INTERVAL.exec(interval);
  if (m === null) throw new Error(`ranges: malformed interval ${interval}`);
  return { low: bound(m[2]!), lowOpen: m[1] === "(", high: bound(m[3]!), highOpen: m[4] === ")", integer, unit, what };
};

/** A whole number: counts of devices, layers, heads, tokens of a window. */
const whole = (interval: string, what: string, unit = "count"): FieldRange => range(interval, unit, what, true);

const RATIO_0_1 = range("[0, 1]", "1", "a share");
const FRACTION = range("[1e-6, 1]", "1", "a fraction");
const QUALITY = range("(-inf, inf)", "1", "a finite quality score");
const TIME_TARGET = range("[1e-9, 1e6]", "s", "a time");
const OVERHEAD = range("[0, 1e3]", "s", "a time");
const DIMENSION = (what: string) => whole("[1, 1e9]", what);
const LAYER_COUNT = (what: string) => whole("[0, 1e9]", what);
const PARAMETER_COUNT = range("(0, 1e14]", "count", "a parameter count");
const TOKENS = range("[0, 1e12]", "token", "a token count");

/**
 * Every documented range, by field path as written in the scenario JSON ("facility.pue"; an
 * inline model's fields under "model.", whether it is the scenario's model, the draft model or
 * the routed one), by lever field ("levers.kv-compression.ratio") and by planning option
 * ("plan.target.outputTokensPerSecond"). Parameter names (`tpf list parameters`) are field
 * paths, so crossover, uncertain and sweep check their values against the same entries.
 */
export const FIELD_RANGES = {
  count: whole("[1, 1e9]", "a whole number of accelerators"),
  replicas: whole("[1, 1e9]", "a whole number of replicas"),
  utilization: range("[1e-6, 1]", "1", "a utilization"),
  quality: QUALITY,
  "targets.ttft": TIME_TARGET,
  "targets.tpot": TIME_TARGET,
  "targets.qualityFloor": QUALITY,

  "accelerator.peakFlopPerSecond": range("(0, 1e21]", "FLOP/s", "a compute rate"),
  "accelerator.memoryCapacity": range("(0, 1e15]", "B", "a memory"),
  "accelerator.memoryBandwidth": range("(0, 1e16]", "B/s", "a bandwidth"),
  "accelerator.maxPower": range("(0, 1e6]", "W", "a board power"),
  "accelerator.idlePower": range("[0, 1e6]", "W", "a power"),
  "accelerator.activePower": range("[0, 1e6]", "W", "a power"),
  "accelerator.clockLock": range("(0, 1e11]", "Hz", "a clock"),

  "model.totalParameters": PARAMETER_COUNT,
  "model.activeParameters": PARAMETER_COUNT,
  "model.layers": DIMENSION("a whole number of layers"),
  "model.attentionLayers": LAYER_COUNT("a whole number of attention layers"),
  "model.slidingWindowLayers": LAYER_COUNT("a whole number of sliding-window layers"),
  "model.slidingWindow": whole("[0, 1e12]", "a window in whole tokens", "token"),
  "model.chunkedAttentionLayers": LAYER_COUNT("a whole number of chunked-attention layers"),
  "model.attentionChunk": whole("[1, 1e12]", "a chunk in whole tokens", "token"),
  "model.hiddenSize": DIMENSION("a whole number of hidden units"),
  "model.attentionHeads": DIMENSION("a whole number of heads"),
  "model.kvHeads": DIMENSION("a whole number of KV heads"),
  "model.headDim": DIMENSION("a whole number of head dimensions"),
  "model.kvLatentDim": DIMENSION("a whole number of latent dimensions"),
  "model.qkHeadDim": DIMENSION("a whole number of query/key head dimensions"),
  "model.valueHeadDim": DIMENSION("a whole number of value head dimensions"),
  "model.mla.latentRank": DIMENSION("a whole number of latent dimensions"),
  "model.mla.ropeDim": LAYER_COUNT("a whole number of rope dimensions"),
  "model.recurrentStateElements": whole("[0, 1e12]", "a whole number of state elements"),
  "model.keptPrecision.parameters": range("[0, 1e14]", "count", "a parameter count"),
  "model.vocabularySize": LAYER_COUNT("a whole vocabulary size"),
  "model.experts.total": DIMENSION("a whole number of experts"),
  "model.experts.active": DIMENSION("a whole number of active experts"),
  "model.experts.shared": LAYER_COUNT("a whole number of shared experts"),
  "model.expertLayers": DIMENSION("a whole number of expert layers"),
  "model.attentionSparsity.keptFraction": range("(0, 1]", "1", "a kept fraction"),
  "model.attentionSparsity.topK": whole("[1, 1e12]", "a top-k in whole tokens", "token"),

  "workload.inputTokens": TOKENS,
  "workload.outputTokens": range("[1, 1e12]", "token", "a token count"),
  "workload.concurrency": range("(0, 1e12]", "count", "a concurrency"),
  "workload.sharedPrefixTokens": TOKENS,

  "facility.deliveredPower": range("(0, 1e15]", "W", "a delivered power"),
  "facility.pue": range("[1, 10]", "1", "a ratio"),
  "facility.coolingCapacity": range("(0, 1e15]", "W", "a cooling capacity"),
  "facility.hostPowerPerNode": range("[0, 1e7]", "W", "a power"),
  "facility.acceleratorsPerNode": DIMENSION("a whole number of accelerators per node"),
  "facility.psuEfficiency": range("[1e-6, 1]", "1", "an efficiency"),
  "facility.carbonIntensity": range("[0, 1e-2]", "g/J", "a carbon intensity"),
  "facility.waterIntensity": range("[0, 1e-4]", "L/J", "a water intensity"),
  "facility.electricityPrice": range("[0, 1e-3]", "USD/J", "a price"),
  "facility.acceleratorHourPrice": range("[0, 1e3]", "USD/s", "a price"),

  "efficiency.compute": FRACTION,
  "efficiency.bandwidth": FRACTION,
  "efficiency.memory": FRACTION,
  "efficiency.stepOverhead": OVERHEAD,
  "efficiency.sequenceOverhead": OVERHEAD,
  "efficiency.layerLatency": OVERHEAD,
  "efficiency.expertLayerLatency": OVERHEAD,
  "efficiency.quantizedExpertLayerLatency": OVERHEAD,
  "efficiency.computeHalfWidth": range("[0, 1e12]", "count", "a GEMM width"),
  "efficiency.overlap": RATIO_0_1,

  "parallelism.tensor": DIMENSION("a whole number of tensor-parallel devices"),
  "parallelism.expert": DIMENSION("a whole number of expert-parallel devices"),
  "parallelism.pipeline": DIMENSION("a whole number of pipeline stages"),
  "parallelism.data": DIMENSION("a whole number of data-parallel attention groups"),

  "speculative.acceptanceRate": range("[0, 1]", "1", "an acceptance rate"),
  "speculative.draftLength": DIMENSION("a whole number of drafted tokens"),
  "routing.share": RATIO_0_1,
  "routing.quality": QUALITY,

  "levers.qualityDelta": range("(-inf, inf)", "1", "a finite quality change"),
  "levers.kv-compression.ratio": range("[1, 1e6]", "1", "a compression ratio"),
  "levers.kv-compression.latentDim": DIMENSION("a whole number of latent dimensions"),
  "levers.sparse-attention.keptFraction": range("(0, 1]", "1", "a kept fraction"),
  "levers.sparse-attention.topK": whole("[1, 1e12]", "a top-k in whole tokens", "token"),
  "levers.routing.share": RATIO_0_1,
  "levers.routing.modelQualityDelta": range("(-inf, inf)", "1", "a finite quality change"),
  "levers.adaptive-reasoning.outputFactor": range("(0, 1e6]", "1", "an output factor"),
  "levers.speculative-decoding.acceptanceRate": range("[0, 1]", "1", "an acceptance rate"),
  "levers.speculative-decoding.draftLength": DIMENSION("a whole number of drafted tokens"),
  "levers.power-cap.maxPower": range("(0, 1e6]", "W", "a power limit"),
  "levers.clock-lock.clock": range("(0, 1e11]", "Hz", "a clock"),
  "levers.batching.concurrency": range("(0, 1e12]", "count", "a concurrency"),
  "levers.batching.utilization": range("[1e-6, 1]", "1", "a utilization"),
  "levers.facility.pue": range("[1, 10]", "1", "a ratio"),
  "levers.facility.coolingCapacity": range("(0, 1e15]", "W", "a cooling capacity"),

  "plan.target.outputTokensPerSecond": range("(0, 1e15]", "token/s", "a rate"),
  "plan.target.requestsPerSecond": range("(0, 1e15]", "1/s", "a rate"),
  "uncertain.samples": whole("[1, 1e6]", "a whole number of draws"),
  "uncertain.lognormal.sigma": range("[0, 10]", "1", "a log standard deviation"),
} as const satisfies Readonly<Record<string, FieldRange>>;

/** A path of FIELD_RANGES ("facility.pue", "levers.kv-compression.ratio", …). */
export type RangePath = keyof typeof FIELD_RANGES;

/**
 * Why each range is what it is, one line per path: the physics or the arithmetic behind the
 * bounds. Kept apart from FIELD_RANGES so code that only checks values does not carry the text.
 */
export const RANGE_REASONS: Readonly<Record<RangePath, string>> = {
  count: "devices in one replica; a device is whole",
  replicas: "independent copies of the model; a copy is whole",
  utilization: "share of time the plant serves; below 1e-6 the amortized J/token (÷ U) overflows",
  quality: "any finite score on the user's scale",
  "targets.ttft": "from 1 ns to 11.6 days; outside, the latency stave's arithmetic loses meaning",
  "targets.tpot": "as targets.ttft",
  "targets.qualityFloor": "any finite score on the user's scale",
  "accelerator.peakFlopPerSecond": "per tensor-core format; 1e21 FLOP/s is ~500× today's largest chip",
  "accelerator.memoryCapacity": "1 PB per device, far above any HBM stack",
  "accelerator.memoryBandwidth": "10 PB/s per device, ~1000× HBM3E",
  "accelerator.maxPower": "a board limit above 1 MW is not one device",
  "accelerator.idlePower": "static draw; must also stay below maxPower",
  "accelerator.activePower": "power of the busy SM array above idle",
  "accelerator.clockLock": "a locked SM clock; must also lie in the accelerator's clock range",
  "model.totalParameters": "100 T parameters, ~100× the largest published model",
  "model.activeParameters": "as totalParameters; at most totalParameters",
  "model.layers": "decoder layers",
  "model.attentionLayers": "full-attention layers; with the sliding and chunked ones at most layers",
  "model.slidingWindowLayers": "sliding-window layers",
  "model.slidingWindow": "tokens each sliding-window layer attends; >= 1 when such layers exist",
  "model.chunkedAttentionLayers": "layers attending within fixed chunks",
  "model.attentionChunk": "tokens per attention chunk",
  "model.hiddenSize": "model width",
  "model.attentionHeads": "query heads",
  "model.kvHeads": "KV heads; must divide attentionHeads",
  "model.headDim": "dimensions per head",
  "model.kvLatentDim": "cached elements per token and layer; at most 2 × kvHeads × headDim, the KV it replaces",
  "model.qkHeadDim": "query/key dimensions per head (MLA)",
  "model.valueHeadDim": "value dimensions per head (MLA)",
  "model.mla.latentRank": "MLA latent rank",
  "model.mla.ropeDim": "decoupled rope dimensions of MLA",
  "model.recurrentStateElements": "state per sequence of recurrent (Mamba, linear-attention) layers",
  "model.keptPrecision.parameters": "parameters kept in a wider format",
  "model.vocabularySize": "tokens in the vocabulary",
  "model.experts.total": "routed experts per MoE layer; more than the active ones",
  "model.experts.active": "routed experts per token; fewer than total",
  "model.experts.shared": "always-on experts",
  "model.expertLayers": "MoE layers; at most layers",
  "model.attentionSparsity.keptFraction": "share of the context attended; 0 would attend nothing",
  "model.attentionSparsity.topK": "tokens attended per query",
  "workload.inputTokens": "mean prompt length; a mean need not be whole",
  "workload.outputTokens": "mean output length; a request yields at least one token",
  "workload.concurrency": "mean requests in flight; 0 serves nothing",
  "workload.sharedPrefixTokens": "common prompt prefix; at most inputTokens",
  "facility.deliveredPower": "power at the meter; 0 produces nothing, 1e15 W is ~50× world generation",
  "facility.pue": "facility ÷ IT energy: a site cannot use less energy than its IT (>= 1); 10 is far past any reported site",
  "facility.coolingCapacity": "heat the site rejects",
  "facility.hostPowerPerNode": "CPUs, NICs, fans per node; 10 MW per node is not a node",
  "facility.acceleratorsPerNode": "accelerators sharing one host",
  "facility.psuEfficiency": "output ÷ input of the power supplies; above 1 would create energy",
  "facility.carbonIntensity": "0.01 g/J = 36,000 g/kWh, ~30× the dirtiest grid",
  "facility.waterIntensity": "1e-4 L/J = 360 L/kWh",
  "facility.electricityPrice": "1e-3 USD/J = 3,600 USD/kWh",
  "facility.acceleratorHourPrice": "1e3 USD/s = 3.6 M USD/h",
  "efficiency.compute": "achieved ÷ peak FLOP/s: nothing runs above peak (<= 1); below 1e-6 the stave vanishes",
  "efficiency.bandwidth": "achieved ÷ peak bandwidth, as efficiency.compute",
  "efficiency.memory": "usable share of device memory",
  "efficiency.stepOverhead": "host time per decode step",
  "efficiency.sequenceOverhead": "host time per sequence per step",
  "efficiency.layerLatency": "launch and sync time per layer per step",
  "efficiency.expertLayerLatency": "extra sync per MoE layer under expert parallelism",
  "efficiency.quantizedExpertLayerLatency": "extra per MoE layer with 8-bit block-scaled experts",
  "efficiency.computeHalfWidth": "GEMM width at which half of η_c is reached",
  "efficiency.overlap": "share of communication hidden behind compute",
  "parallelism.tensor": "tensor-parallel degree; tensor × pipeline × data = count",
  "parallelism.expert": "expert-parallel degree; divides count, > 1 only for MoE models",
  "parallelism.pipeline": "pipeline stages; at most the model's layers",
  "parallelism.data": "data-parallel attention groups; > 1 only with expert parallelism",
  "speculative.acceptanceRate": "a probability",
  "speculative.draftLength": "tokens drafted per step",
  "routing.share": "a share of requests",
  "routing.quality": "any finite score",
  "levers.qualityDelta": "declared quality change of any lever",
  "levers.kv-compression.ratio": "compression divides the cached elements: below 1 the KV cache would grow (that is a wider kv precision, not compression)",
  "levers.kv-compression.latentDim": "cached elements per token and layer after compression; at most the current ones",
  "levers.sparse-attention.keptFraction": "share of the context attended; 0 would attend nothing",
  "levers.sparse-attention.topK": "tokens attended per query",
  "levers.routing.share": "a share of requests",
  "levers.routing.modelQualityDelta": "the second model's quality change",
  "levers.adaptive-reasoning.outputFactor": "output tokens per request multiplied by it; the result must stay a valid workload.outputTokens",
  "levers.speculative-decoding.acceptanceRate": "a probability",
  "levers.speculative-decoding.draftLength": "tokens drafted per step",
  "levers.power-cap.maxPower": "a board power limit; must also lie in the accelerator's settable range (power.powerLimitRange)",
  "levers.clock-lock.clock": "must also lie in the accelerator's clock range",
  "levers.batching.concurrency": "as workload.concurrency",
  "levers.batching.utilization": "as utilization",
  "levers.facility.pue": "as facility.pue",
  "levers.facility.coolingCapacity": "as facility.coolingCapacity",
  "plan.target.outputTokensPerSecond": "the rate plan and planSearch size for",
  "plan.target.requestsPerSecond": "the rate plan and planSearch size for",
  "uncertain.samples": "Monte Carlo draws",
  "uncertain.lognormal.sigma": "standard deviation of ln x; e^(1.645 × 10) spans 7 orders of magnitude",
};

/**
 * Whether a path has a documented range.
 * @example isRangePath("facility.pue") // true
 */
export const isRangePath = (path: string): path is RangePath => Object.hasOwn(FIELD_RANGES, path);

/**
 * Whether a value lies in a range: a finite number, within the bounds, whole where the range
 * asks for whole numbers.
 * @example inRange(FIELD_RANGES["facility.pue"], 0.8) // false
 */
export const inRange = (range: FieldRange, value: unknown): value is number =>
  typeof value === "number" &&
  Number.isFinite(value) &&
  (range.lowOpen ? value > range.low : value >= range.low) &&
  (range.highOpen ? value < range.high : value <= range.high) &&
  (!range.integer || Number.isInteger(value));

/** A bound as written in the docs: 1e15, 1e-6, 0.5, 10. */
const formatBound = (x: number): string => {
  const magnitude = Math.abs(x);
  if (magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3)) return x.toExponential().replace("e+", "e");
  return String(x);
};

/**
 * A range in words and interval notation, with its SI unit: "a ratio in [1, 10]", "a
 * delivered power in (0, 1e15] W", "a utilization in [1e-6, 1]".
 * @example describeRange(FIELD_RANGES["facility.deliveredPower"]) // "a delivered power in (0, 1e15] W"
 */
export const describeRange = (range: FieldRange): string => {
  const unit = range.unit === "1" || range.unit === "count" ? "" : ` ${range.unit}`;
  const lowFinite = Number.isFinite(range.low);
  const highFinite = Number.isFinite(range.high);
  if (lowFinite && highFinite) {
    return `${range.what} in ${range.lowOpen ? "(" : "["}${formatBound(range.low)}, ${formatBound(range.high)}${range.highOpen ? ")" : "]"}${unit}`;
  }
  if (lowFinite) return `${range.what} ${range.lowOpen ? ">" : ">="} ${formatBound(range.low)}${unit}`;
  if (highFinite) return `${range.what} ${range.highOpen ? "<" : "<="} ${formatBound(range.high)}${unit}`;
  return range.what;
};

/** A value as given, for messages: numbers and strings as JSON, others by type. */
const shown = (value: unknown): string => {
  if (typeof value === "number") return String(value);
  if (value === undefined) return "nothing (the field is required)";
  const json = typeof value === "bigint" || typeof value === "function" || typeof value === "symbol" ? undefined : JSON.stringify(value);
  return json ?? String(value);
};

/**
 * The message for a value outside a range, without the field: "expected a ratio in [1, 10],
 * got 0.8".
 * @example expectedMessage(FIELD_RANGES["facility.pue"], 0.8) // "expected a ratio in [1, 10], got 0.8"
 */
export const expectedMessage = (range: FieldRange, value: unknown): string => `expected ${describeRange(range)}, got ${shown(value)}`;

/**
 * The problem with a value at a documented path, or undefined when it is in range. `at` names
 * the field in the message when it differs from the path ("grid.facility.pue.3", "levers.0.ratio").
 * @example rangeProblem("facility.pue", 0.8) // "facility.pue: expected a ratio in [1, 10], got 0.8"
 */
export const rangeProblem = (path: RangePath, value: unknown, at: string = path): string | undefined => {
  const range: FieldRange = FIELD_RANGES[path];
  return inRange(range, value) ? undefined : `${at}: ${expectedMessage(range, value)}`;
};

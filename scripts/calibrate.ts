// Fits the estimate's free constants on ML.ENERGY v3 runs and writes src/catalog/calibrated.ts.
// Run: npm run calibrate. Deterministic: same data, same output.
//
// Physics first: idle power, peaks, bandwidths, link figures and energy floors come from the
// catalog (sourced); only the constants the physics leaves open are fitted, each inside its
// physical range:
//   power, per accelerator, at the MEASURED rates (so it cannot lean on rate errors):
//     P/N − P_idle = P_active + ε_bf16·(FLOP/s in bf16 equivalents) + ε_byte·(HBM B/s)
//   rate, per accelerator: η_m, η_c, the GEMM half-width w½; per engine (vLLM): per-layer
//     latency, extra per MoE layer under expert parallelism, t₀, t₁, overlap.
// Errors are reported out of sample by leave-one-family-out cross-validation (families: Qwen3
// dense, Qwen3 MoE, Gemma 3, gpt-oss, Nemotron), rate and power apart.
import * as E from "fp-ts/lib/Either.js";
import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { peakFlopPerSecondAt } from "../src/catalog/accelerators.js";
import { tensorFormat } from "../src/domain/precision.js";
import type { Scenario } from "../src/domain/scenario.js";
import { parseSimpleCsv, readMlEnergyRow, type MlEnergyRun } from "../src/measured/mlenergyRun.js";
import { mlEnergyScenario } from "../src/measured/mlenergyScenario.js";
import { parseScenario } from "../src/schema/parseScenario.js";
import { bytesPerOutputTokenAt, bytesPerStep, flopPerStep, microbatch, outputTokensPerStep } from "../src/staves/decodeStep.js";
import { evaluateMode } from "../src/tpf/evaluate.js";
import { operatingPoint } from "../src/tpf/operatingPoint.js";
import { plantOf } from "../src/tpf/plantOf.js";
import { joulesPerByte, joulesPerFlop, ratio, seconds, watts, type JoulesPerFlop } from "../src/units/index.js";

const DATA = "test/fixtures/mlenergy_v3_runs.csv";
const GPUS = ["H100-SXM", "B200"] as const;
type Gpu = (typeof GPUS)[number];
const FAMILIES = ["qwen3-dense", "qwen3-moe", "gemma-3", "gpt-oss", "nemotron"] as const;
type Family = (typeof FAMILIES)[number];

interface Case {
  readonly run: MlEnergyRun;
  readonly scenario: Scenario;
  readonly family: Family;
  readonly gpu: Gpu;
  readonly layout: string;
  readonly bucket: string;
}

const familyOf = (id: string): Family =>
  id.startsWith("gemma-3") ? "gemma-3" : id.startsWith("nemotron") ? "nemotron" : id.startsWith("gpt-oss") ? "gpt-oss"
    : /a3b|a22b|a35b/.test(id) ? "qwen3-moe" : "qwen3-dense";
const bucketOf = (batch: number): string => (batch <= 16 ? "1–16" : batch <= 64 ? "17–64" : batch <= 256 ? "65–256" : "> 256");
const layoutOf = (s: Scenario): string =>
  s.count === 1 ? "1 GPU" : s.parallelism.data > 1 ? "EP + DP attention" : s.parallelism.expert > 1 ? "EP + TP attention" : "TP";

const cases: Case[] = [];
for (const row of parseSimpleCsv(readFileSync(DATA, "utf8"))) {
  const run = readMlEnergyRow(row);
  if (E.isLeft(run)) continue;
  const doc = mlEnergyScenario(run.right);
  if (E.isLeft(doc)) continue;
  const scenario = parseScenario(doc.right);
  if (E.isLeft(scenario)) continue;
  const s = scenario.right;
  cases.push({ run: run.right, scenario: s, family: familyOf(s.model.id), gpu: s.accelerator.id as Gpu, layout: layoutOf(s), bucket: bucketOf(run.right.avgBatchSize) });
}

// sourcegraph-fim prompts are long and their length is not published (input set to 0, the lower
// bound on work): the estimate cannot be fitted or judged on them; reported apart.
const KNOWN_INPUT = (c: Case): boolean => c.run.task !== "sourcegraph-fim";
// ML.ENERGY's B200 gpqa runs of the reasoning models (Qwen3 thinking, Nemotron) sit on a host
// floor no GPU term explains: at batch 8 the median inter-token latency is 17–44 ms whatever
// the model's size (Qwen3-8B 32.5 ms, Qwen3-32B 44.1 ms, Qwen3-235B on 8 GPUs 16.5 ms), against
// 5.0 ms for Qwen3-8B on B200 lm-arena-chat and 9.7 ms on H100 gpqa; gpt-oss on the same B200
// gpqa runs at 3.8–10 ms. A reasoning-parser or API-server bottleneck of that deployment, not
// of the GPU or of vLLM's kernels: fitted on, it would teach the model a B200 that is slower
// than H100. Kept out of the fit and reported apart.
const HOST_BOUND = (c: Case): boolean =>
  c.run.task === "gpqa" && c.gpu === "B200" && (c.family === "qwen3-dense" || c.family === "qwen3-moe" || c.family === "nemotron");
const known = cases.filter((c) => KNOWN_INPUT(c) && !HOST_BOUND(c));

// ---------------------------------------------------------------------------------------------
// Parameters, each with its physical range.

interface Range { readonly low: number; readonly high: number; readonly why: string }
const RATE_RANGES = {
  bandwidth: { low: 0.5, high: 0.95, why: "achievable HBM bandwidth on streaming kernels" },
  compute: { low: 0.3, high: 0.95, why: "achievable fraction of dense tensor peak on large GEMMs (MAMF 51–87 %)" },
  computeHalfWidth: { low: 0, high: 4096, why: "GEMM width per shard at half efficiency" },
  layerLatency: { low: 0, high: 400e-6, why: "launch and sync per layer per step" },
  expertLayerLatency: { low: 0, high: 1e-3, why: "dispatch/combine sync per MoE layer (DeepEP EP8 77 + 114 µs)" },
  quantizedExpertLayerLatency: { low: 0, high: 1e-3, why: "activation quantization kernels per MoE layer with fp8 block-scaled experts" },
  stepOverhead: { low: 0, high: 20e-3, why: "scheduler, sampling launch per step" },
  sequenceOverhead: { low: 0, high: 200e-6, why: "host time per sequence per step" },
  overlap: { low: 0, high: 1, why: "share of communication hidden" },
} as const satisfies Record<string, Range>;

interface GpuRate { bandwidth: number; compute: number; computeHalfWidth: number }
interface EngineRate { layerLatency: number; expertLayerLatency: number; quantizedExpertLayerLatency: number; stepOverhead: number; sequenceOverhead: number; overlap: number }
interface RateParams { gpu: Record<Gpu, GpuRate>; engine: EngineRate }
interface GpuPower { activePowerWatts: number; joulesPerFlopBf16: number; joulesPerByte: number }

const GPU_KEYS = ["bandwidth", "compute", "computeHalfWidth"] as const;
const ENGINE_KEYS = ["layerLatency", "expertLayerLatency", "quantizedExpertLayerLatency", "stepOverhead", "sequenceOverhead", "overlap"] as const;

// Parameters live on (0, 1) through a logistic map onto their range.
const toUnit = (x: number): number => 1 / (1 + Math.exp(-x));
const fromUnit = (u: number): number => Math.log(u / (1 - u));
const encode = (p: RateParams): number[] => [
  ...GPUS.flatMap((g) => GPU_KEYS.map((k) => fromUnit(Math.min(0.999, Math.max(0.001, (p.gpu[g][k] - RATE_RANGES[k].low) / (RATE_RANGES[k].high - RATE_RANGES[k].low)))))),
  ...ENGINE_KEYS.map((k) => fromUnit(Math.min(0.999, Math.max(0.001, (p.engine[k] - RATE_RANGES[k].low) / (RATE_RANGES[k].high - RATE_RANGES[k].low))))),
];
const decode = (x: readonly number[]): RateParams => {
  let i = 0;
  const value = (k: keyof typeof RATE_RANGES): number => RATE_RANGES[k].low + (RATE_RANGES[k].high - RATE_RANGES[k].low) * toUnit(x[i++]!);
  const gpu = {} as Record<Gpu, GpuRate>;
  for (const g of GPUS) gpu[g] = { bandwidth: value("bandwidth"), compute: value("compute"), computeHalfWidth: value("computeHalfWidth") };
  const engine = { layerLatency: value("layerLatency"), expertLayerLatency: value("expertLayerLatency"), quantizedExpertLayerLatency: value("quantizedExpertLayerLatency"), stepOverhead: value("stepOverhead"), sequenceOverhead: value("sequenceOverhead"), overlap: value("overlap") };
  return { gpu, engine };
};

const withParams = (s: Scenario, rate: RateParams, power?: GpuPower): Scenario => {
  const g = rate.gpu[s.accelerator.id as Gpu];
  const peaks = s.accelerator.peakFlopPerSecond;
  const bf16 = peaks.bf16 ?? peaks.fp16 ?? 1;
  return {
    ...s,
    accelerator:
      power === undefined
        ? s.accelerator
        : {
            ...s.accelerator,
            power: {
              ...s.accelerator.power,
              activePower: watts(power.activePowerWatts),
              estimate: {
                ...s.accelerator.power.estimate,
                joulesPerFlop: Object.fromEntries(Object.entries(peaks).map(([p, v]) => [p, joulesPerFlop((power.joulesPerFlopBf16 * bf16) / (v as number))])) as Record<string, JoulesPerFlop>,
                joulesPerByte: joulesPerByte(power.joulesPerByte),
              },
            },
          },
    efficiency: {
      ...s.efficiency,
      bandwidth: ratio(g.bandwidth),
      compute: ratio(g.compute),
      computeHalfWidth: g.computeHalfWidth,
      layerLatency: seconds(rate.engine.layerLatency),
      expertLayerLatency: seconds(rate.engine.expertLayerLatency),
      quantizedExpertLayerLatency: seconds(rate.engine.quantizedExpertLayerLatency),
      stepOverhead: seconds(rate.engine.stepOverhead),
      sequenceOverhead: seconds(rate.engine.sequenceOverhead),
      overlap: ratio(rate.engine.overlap),
    },
  };
};

const estimatedRate = (c: Case, rate: RateParams): number => operatingPoint(withParams(c.scenario, rate), "estimate").internalRate;

// ---------------------------------------------------------------------------------------------
// Nelder–Mead on the transformed parameters (deterministic start and steps).

const nelderMead = (f: (x: number[]) => number, start: number[], iterations: number): number[] => {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + 0.6 : v)))];
  let values = simplex.map(f);
  for (let it = 0; it < iterations; it++) {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((a, p) => a + p[j]!, 0) / n);
    const worst = simplex[n]!;
    const at = (t: number) => centroid.map((c, j) => c + t * (worst[j]! - c));
    const reflected = at(-1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = at(-2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = at(0.5);
      const fc = f(contracted);
      if (fc < values[n]!) [simplex[n], values[n]] = [contracted, fc];
      else {
        simplex = simplex.map((p, i) => (i === 0 ? p : p.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!))));
        values = simplex.map((p, i) => (i === 0 ? values[0]! : f(p)));
      }
    }
  }
  return simplex[values.indexOf(Math.min(...values))]!;
};

const START: RateParams = {
  gpu: {
    "H100-SXM": { bandwidth: 0.8, compute: 0.6, computeHalfWidth: 512 },
    B200: { bandwidth: 0.8, compute: 0.6, computeHalfWidth: 512 },
  },
  engine: { layerLatency: 100e-6, expertLayerLatency: 150e-6, quantizedExpertLayerLatency: 100e-6, stepOverhead: 1e-3, sequenceOverhead: 20e-6, overlap: 0.3 },
};

// Weak priors from published figures, so a term no run of the fitted set exercises (the
// expert-parallel and fp8-MoE terms when the Qwen3 MoE family is held out) stays at its
// evidence value instead of drifting: measured decode steps exceed weights ÷ bandwidth by
// ~75–165 µs per layer dense and ~220–400 µs per expert-parallel MoE layer under vLLM (issue
// 14), FP8 block-scaled MoE ~100 µs per layer more than bf16 (225–325 vs ~140 µs, ML.ENERGY
// runs, research notes); host time ~20 µs per sequence. Each adds 0.02·((p − prior)/range)².
const PRIOR: EngineRate = { layerLatency: 100e-6, expertLayerLatency: 150e-6, quantizedExpertLayerLatency: 100e-6, stepOverhead: 1e-3, sequenceOverhead: 20e-6, overlap: 0.3 };
// The GEMM efficiency and its half width trade off against each other where the data hold few
// GEMM widths (a high η_c with a wide half width and a low η_c with a narrow one give the same
// η at the widths the runs use): the same weak prior keeps them near the evidence instead of
// letting them wander to a range edge between refits — η_c ≈ 0.7 (the middle of the 51–87 %
// sustained-GEMM range, stas00/ml-engineering MAMF), w½ ≈ 512 (a 512-wide shard GEMM reaches
// about half the efficiency of a large one; same source's size sweeps).
const GPU_PRIOR: Readonly<Record<"compute" | "computeHalfWidth", number>> = { compute: 0.7, computeHalfWidth: 512 };
const PRIOR_WEIGHT = 0.02;

/** Rate fit: minimises the mean |ln(estimate ÷ measured)| (an L1 fit on log rates, robust to outliers) plus the weak priors. */
const fitRate = (set: readonly Case[]): RateParams => {
  const loss = (x: number[]): number => {
    const p = decode(x);
    let sum = 0;
    for (const c of set) sum += Math.abs(Math.log(estimatedRate(c, p) / c.run.outputThroughput));
    let prior = 0;
    for (const k of ENGINE_KEYS) prior += ((p.engine[k] - PRIOR[k]) / (RATE_RANGES[k].high - RATE_RANGES[k].low)) ** 2;
    for (const g of GPUS) {
      for (const k of ["compute", "computeHalfWidth"] as const) prior += ((p.gpu[g][k] - GPU_PRIOR[k]) / (RATE_RANGES[k].high - RATE_RANGES[k].low)) ** 2;
    }
    return sum / set.length + PRIOR_WEIGHT * prior;
  };
  let x = encode(START);
  for (let restart = 0; restart < 3; restart++) x = nelderMead(loss, x, 700);
  return decode(x);
};

// ---------------------------------------------------------------------------------------------
// Power fit at measured rates: weighted least squares on three coefficients in their ranges.

interface PowerRow { readonly y: number; readonly x: readonly [number, number, number]; readonly w: number }

const powerRows = (set: readonly Case[], gpu: Gpu, rateParams: RateParams): PowerRow[] =>
  set.filter((c) => c.gpu === gpu).map((c) => {
    const s = withParams(c.scenario, rateParams);
    const plant = plantOf(s, "estimate");
    const n = s.count;
    const rate = c.run.outputThroughput;
    const format = tensorFormat(s.precision.compute);
    const peaks = s.accelerator.peakFlopPerSecond;
    // FLOP of other formats in bf16 equivalents: ε(p) = ε_bf16·peak(bf16)/peak(p).
    const bf16Equivalent = (peaks.bf16 ?? peaks.fp16 ?? 1) / (peakFlopPerSecondAt(s.accelerator, format) ?? 1);
    const flopRate = (rate * plant.flopPerOutputToken * bf16Equivalent) / n;
    const byteRate = (rate * bytesPerOutputTokenAt(plant, Math.min(c.run.avgBatchSize, s.workload.concurrency))) / n;
    const measured = c.run.avgPowerWatts / n;
    // Share of the measured step its kernels run: roofline time over the measured step time.
    const batch = Math.min(c.run.avgBatchSize, s.workload.concurrency);
    const kernels = Math.max(flopPerStep(plant, batch) / plant.computeRate, bytesPerStep(plant, batch) / plant.bandwidth);
    const measuredStep = outputTokensPerStep(plant, batch) / rate;
    const busy = Math.min(1, (kernels + microbatch(plant, batch) * plant.sequenceOverhead + plant.kernelOverhead + plant.communicationTime(batch)) / measuredStep);
    return { y: measured - s.accelerator.power.idlePower, x: [busy, flopRate, byteRate] as const, w: 1 / measured };
  });

// Sustained bf16 GEMM throughput at the default power limit (FLOP/s): H100 SXM 794.5 TFLOP/s,
// maximum achievable matmul FLOPS (stas00/ml-engineering compute/accelerator/README.md); B200
// 1,512.8 TFLOP/s, torch bf16 GEMM 16384×6144×4096 (vllm-project/vllm PR 19566, 2025-06).
const SUSTAINED_BF16: Readonly<Record<Gpu, number>> = { "H100-SXM": 794.5e12, B200: 1512.8e12 };

const powerRange = (gpu: Gpu): readonly [Range, Range, Range] => {
  const s = cases.find((c) => c.gpu === gpu)!.scenario;
  const tdp = s.accelerator.defaultPowerLimit;
  const bf16 = s.accelerator.peakFlopPerSecond.bf16!;
  return [
    { low: 0, high: 0.6 * tdp, why: "draw of SMs and memory controllers kept busy while kernels run (beyond the context idle, which already has clocks up)" },
    {
      low: s.accelerator.power.bound.joulesPerFlop.bf16!,
      high: (tdp - s.accelerator.power.idlePower) / SUSTAINED_BF16[gpu],
      why: "between the bound's floor and (TDP − idle) ÷ a sustained bf16 GEMM at the limit: a chip that runs that GEMM within its limit spends no more per FLOP",
    },
    { low: s.accelerator.power.bound.joulesPerByte, high: 2e-10, why: "between the HBM floor (3.9 pJ/bit) and 25 pJ/bit" },
  ];
};

/** Weighted least squares of y on x with each coefficient clamped into its range (active set by enumeration). */
const fitPower = (set: readonly Case[], gpu: Gpu, rate: RateParams): GpuPower => {
  const rows = powerRows(set, gpu, rate);
  const ranges = powerRange(gpu);
  const scale = [1, 1e-15, 1e-12];
  let best: number[] = ranges.map((r) => r.low);
  let bestLoss = Number.POSITIVE_INFINITY;
  const lossOf = (c: number[]) => rows.reduce((a, r) => a + (r.w * (r.y - c[0]! - c[1]! * r.x[1] - c[2]! * r.x[2])) ** 2, 0);
  // Every subset of coefficients pinned at a bound (3^3 patterns: free, low, high); the free ones by normal equations.
  for (let pattern = 0; pattern < 27; pattern++) {
    const state = [pattern % 3, Math.floor(pattern / 3) % 3, Math.floor(pattern / 9) % 3];
    const fixed = state.map((st, i) => (st === 1 ? ranges[i]!.low : st === 2 ? ranges[i]!.high : Number.NaN));
    const free = state.map((st, i) => (st === 0 ? i : -1)).filter((i) => i >= 0);
    const a = free.map(() => new Array<number>(free.length + 1).fill(0));
    for (const r of rows) {
      const rest = r.y - fixed.reduce((acc, v, i) => (Number.isNaN(v) ? acc : acc + v * r.x[i]!), 0);
      free.forEach((i, p) => {
        free.forEach((j, q) => (a[p]![q]! += r.w * r.w * r.x[i]! * scale[i]! * r.x[j]! * scale[j]!));
        a[p]![free.length]! += r.w * r.w * r.x[i]! * scale[i]! * rest;
      });
    }
    for (let p = 0; p < free.length; p++) {
      for (let q = 0; q < free.length; q++) {
        if (q === p) continue;
        const f = a[q]![p]! / a[p]![p]!;
        for (let k = p; k <= free.length; k++) a[q]![k]! -= f * a[p]![k]!;
      }
    }
    const c = fixed.slice();
    free.forEach((i, p) => (c[i] = (a[p]![free.length]! / a[p]![p]!) * scale[i]!));
    if (c.some((v, i) => !(v >= ranges[i]!.low - 1e-30 && v <= ranges[i]!.high + 1e-30))) continue;
    const l = lossOf(c);
    if (l < bestLoss) [best, bestLoss] = [c, l];
  }
  return { activePowerWatts: best[0]!, joulesPerFlopBf16: best[1]!, joulesPerByte: best[2]! };
};

// ---------------------------------------------------------------------------------------------
// Errors.

interface Prediction {
  readonly c: Case;
  readonly rate: number;
  readonly power: number;
  readonly joules: number;
}

const predict = (c: Case, rate: RateParams, power: Record<Gpu, GpuPower>): Prediction => {
  const s = withParams(c.scenario, rate, power[c.gpu]);
  const r = evaluateMode(s, "estimate");
  const n = s.count;
  const measuredRate = c.run.outputThroughput;
  const p = power[c.gpu];
  const row = powerRows([c], c.gpu, rate)[0]!;
  // Power at the measured rate: the fitted model with the measured throughput.
  const atMeasured = (s.accelerator.power.idlePower + p.activePowerWatts * row.x[0] + p.joulesPerFlopBf16 * row.x[1] + p.joulesPerByte * row.x[2]) * n;
  return { c, rate: r.outputTokensPerSecond / measuredRate - 1, power: atMeasured / c.run.avgPowerWatts - 1, joules: (r.joulesPerOutputToken?.accelerator ?? Number.NaN) / c.run.energyPerTokenJoules - 1 };
};

const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.ceil(at)]! - s[lo]!) * (at - lo);
};
const abs = (xs: readonly number[]) => xs.map(Math.abs);
const summary = (ps: readonly Prediction[]) => ({
  runs: ps.length,
  rateMedian: quantile(abs(ps.map((p) => p.rate)), 0.5),
  rateP90: quantile(abs(ps.map((p) => p.rate)), 0.9),
  powerMedian: quantile(abs(ps.map((p) => p.power)), 0.5),
  powerP90: quantile(abs(ps.map((p) => p.power)), 0.9),
  joulesMedian: quantile(abs(ps.map((p) => p.joules)), 0.5),
  joulesP90: quantile(abs(ps.map((p) => p.joules)), 0.9),
});

const fitAll = (set: readonly Case[]) => {
  const rate = fitRate(set);
  return { rate, power: { "H100-SXM": fitPower(set, "H100-SXM", rate), B200: fitPower(set, "B200", rate) } as Record<Gpu, GpuPower> };
};

// Leave one family out: fit on the other four, predict the held-out one.
const outOfFold: Prediction[] = [];
for (const family of FAMILIES) {
  const fit = fitAll(known.filter((c) => c.family !== family));
  for (const c of known.filter((x) => x.family === family)) outOfFold.push(predict(c, fit.rate, fit.power));
  console.error(`held out ${family}: done`);
}
const final = fitAll(known);
const inSample = known.map((c) => predict(c, final.rate, final.power));
const unknownInput = cases.filter((c) => !KNOWN_INPUT(c)).map((c) => predict(c, final.rate, final.power));
const hostBound = cases.filter((c) => KNOWN_INPUT(c) && HOST_BOUND(c)).map((c) => predict(c, final.rate, final.power));

const groupBy = (ps: readonly Prediction[], key: (p: Prediction) => string) => {
  const groups = new Map<string, Prediction[]>();
  for (const p of ps) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, summary(v)]));
};
const report = {
  leaveOneFamilyOut: {
    all: summary(outOfFold),
    byFamily: groupBy(outOfFold, (p) => p.c.family),
    byGpu: groupBy(outOfFold, (p) => p.c.gpu),
    byBatch: groupBy(outOfFold, (p) => p.c.bucket),
    byLayout: groupBy(outOfFold, (p) => p.c.layout),
    byTask: groupBy(outOfFold, (p) => p.c.run.task),
    qwen3MoeExpertParallel: summary(outOfFold.filter((p) => p.c.family === "qwen3-moe" && p.c.scenario.parallelism.expert > 1)),
  },
  inSample: summary(inSample),
  unknownInput: summary(unknownInput),
  hostBound: summary(hostBound),
};

const ranges = {
  rate: RATE_RANGES,
  power: Object.fromEntries(GPUS.map((g) => [g, powerRange(g)])),
};
// Within 1 % of the range from either end.
const atEdge = (value: number, r: Range) => value <= r.low + 1e-2 * (r.high - r.low) || value >= r.high - 1e-2 * (r.high - r.low);
const edges: string[] = [];
for (const g of GPUS) {
  for (const k of GPU_KEYS) if (atEdge(final.rate.gpu[g][k], RATE_RANGES[k])) edges.push(`${g}.${k}`);
  const pr = powerRange(g);
  const pv = [final.power[g].activePowerWatts, final.power[g].joulesPerFlopBf16, final.power[g].joulesPerByte];
  ["activePowerWatts", "joulesPerFlopBf16", "joulesPerByte"].forEach((k, i) => atEdge(pv[i]!, pr[i]!) && edges.push(`${g}.${k}`));
}
for (const k of ENGINE_KEYS) if (atEdge(final.rate.engine[k], RATE_RANGES[k])) edges.push(`vllm.${k}`);

console.log(JSON.stringify({ final, report, atRangeEdge: edges, ranges }, null, 2));
// CALIBRATE_DUMP=file.json writes every out-of-fold prediction, for a closer look.
if (process.env.CALIBRATE_DUMP !== undefined) {
  writeFileSync(process.env.CALIBRATE_DUMP, JSON.stringify(outOfFold.map((p) => ({ model: p.c.run.modelId, gpu: p.c.gpu, count: p.c.scenario.count, task: p.c.run.task, batch: p.c.run.avgBatchSize, family: p.c.family, layout: p.c.layout, precision: p.c.scenario.precision.weights, rate: p.rate, power: p.power, joules: p.joules }))));
}

// ---------------------------------------------------------------------------------------------
// Derived engine profiles: ratios to vLLM from published comparisons, solved on the published
// scenario so the model reproduces the published throughput ratio.

let commit = "unknown";
try { commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(); } catch { /* not a checkout */ }
const round = (x: number, digits = 4): number => Number(x.toPrecision(digits));
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const summaryJson = (s: ReturnType<typeof summary>) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "runs" ? v : r3(v)]));
const groupJson = (g: Record<string, ReturnType<typeof summary>>) => Object.fromEntries(Object.entries(g).map(([k, v]) => [k, summaryJson(v)]));

writeFileSync(
  "src/catalog/calibrated.ts",
  `// GENERATED by \`npm run calibrate\` (scripts/calibrate.ts); do not edit by hand.
// The estimate's fitted constants: power at measured rates, rate terms by an L1 fit on log
// rates, each inside the physical range scripts/calibrate.ts states; errors out of sample by
// leave-one-family-out cross-validation.

/** Fitted constants for one accelerator's estimate power model (idle is sourced, not fitted). */
export interface FittedPowerModel {
  /** Power of the SM array kept busy at the top clock, beyond idle, per accelerator (W). */
  readonly activePowerWatts: number;
  /** Dynamic energy per bf16 FLOP at full clock (J/FLOP); other formats follow the peak ratios. */
  readonly joulesPerFlopBf16: number;
  /** Dynamic energy per HBM byte (J/B). */
  readonly joulesPerByte: number;
}

/** Provenance of the fit. */
export const CALIBRATION_SOURCE =
  "fitted by scripts/calibrate.ts on ML.ENERGY Leaderboard v3.0 runs (shared/data/mlenergy_v3_runs.csv, leaderboard commit 0cd52dab, data 2026-02-16; ${known.length} runs with published prompt lengths: lm-arena-chat 224, gpqa 634 tokens), library commit ${commit}";
/** Date of the fit. */
export const CALIBRATION_DATE = "${new Date().toISOString().slice(0, 10)}";

/** Fitted power models, by accelerator id. */
export const FITTED_POWER: Readonly<Record<"H100-SXM" | "B200", FittedPowerModel>> = {
${GPUS.map((g) => `  ${JSON.stringify(g)}: { activePowerWatts: ${round(final.power[g].activePowerWatts)}, joulesPerFlopBf16: ${round(final.power[g].joulesPerFlopBf16)}, joulesPerByte: ${round(final.power[g].joulesPerByte)} },`).join("\n")}
};

/** Fitted hardware efficiencies of one accelerator. */
export interface FittedAcceleratorEfficiency {
  /** η_c on large GEMMs (1). */
  readonly compute: number;
  /** GEMM width per shard at which η is halved (count). */
  readonly computeHalfWidth: number;
  /** η_m (1). */
  readonly bandwidth: number;
}

/** Fitted efficiencies by accelerator. */
export const FITTED_ACCELERATOR_EFFICIENCY: Readonly<Record<"H100-SXM" | "B200", FittedAcceleratorEfficiency>> = {
${GPUS.map((g) => `  ${JSON.stringify(g)}: { compute: ${round(final.rate.gpu[g].compute)}, computeHalfWidth: ${round(final.rate.gpu[g].computeHalfWidth)}, bandwidth: ${round(final.rate.gpu[g].bandwidth)} },`).join("\n")}
};

/** The vLLM engine profile, fitted (s, except overlap (1)). */
export const FITTED_VLLM = { layerLatency: ${round(final.rate.engine.layerLatency)}, expertLayerLatency: ${round(final.rate.engine.expertLayerLatency)}, quantizedExpertLayerLatency: ${round(final.rate.engine.quantizedExpertLayerLatency)}, stepOverhead: ${round(final.rate.engine.stepOverhead)}, sequenceOverhead: ${round(final.rate.engine.sequenceOverhead)}, overlap: ${round(final.rate.engine.overlap)} } as const;

/** Ratios from which the other engine profiles are derived, with their sources. */
export const DERIVED_ENGINE_RATIOS = {
  sglang: { latency: 0.5, host: 1, source: "per-layer decode latency about half of vLLM's (issue 14 of this project, from measured step times); host overheads as vLLM's" },
  "tensorrt-llm": { latency: 0.5, host: 0.5, source: "TensorRT-LLM runs CUDA-graph-captured engines with fused kernels: per-layer latency taken as SGLang's, host overheads half of vLLM's (assumption; Llama-3.3-70B FP8 on 1× H100 at 50 concurrent: TensorRT-LLM 2,100 vs vLLM 1,850 tok/s, spheron.network 2026-03-23)" },
} as const;

/** Errors of the estimate (|estimate ÷ measured − 1|): leave-one-family-out, in sample, and on runs with unpublished prompts. */
export const CALIBRATION_ERRORS = ${JSON.stringify({
    leaveOneFamilyOut: { all: summaryJson(report.leaveOneFamilyOut.all), byFamily: groupJson(report.leaveOneFamilyOut.byFamily), byGpu: groupJson(report.leaveOneFamilyOut.byGpu), byBatch: groupJson(report.leaveOneFamilyOut.byBatch), byLayout: groupJson(report.leaveOneFamilyOut.byLayout), byTask: groupJson(report.leaveOneFamilyOut.byTask), qwen3MoeExpertParallel: summaryJson(report.leaveOneFamilyOut.qwen3MoeExpertParallel) },
    inSample: summaryJson(report.inSample),
    unknownInput: summaryJson(report.unknownInput),
    hostBound: summaryJson(report.hostBound),
    atRangeEdge: edges,
  }, null, 2)} as const;
`,
);

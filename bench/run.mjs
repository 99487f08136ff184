// npm run bench: speed figures from one run (not a test; targets are in the README).
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import * as lib from "../dist/index.js";
import * as units from "../dist/units/index.js";

const time = (label, iterations, body) => {
  body(Math.min(iterations, 10000)); // warm up
  const start = performance.now();
  const sink = body(iterations);
  const seconds = (performance.now() - start) / 1000;
  return { label, perSecond: iterations / seconds, seconds, sink };
};

// The paper's equation, typed (mul/div/min from the units layer) vs raw numbers.
const { div, mul, min } = units;
const typedTpf = (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const k = 1e15 + i, c = 1.4e11, p = 700 + (i & 7), e = 0.39;
    acc += mul(mul(min(div(k, c), div(p, e)), 1), 0.5);
  }
  return acc;
};
const rawTpf = (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const k = 1e15 + i, c = 1.4e11, p = 700 + (i & 7), e = 0.39;
    acc += Math.min(k / c, p / e) * 1 * 0.5;
  }
  return acc;
};
const N = 20_000_000;
const rounds = 5;
let typedBest = Infinity, rawBest = Infinity;
for (let r = 0; r < rounds; r++) {
  typedBest = Math.min(typedBest, time("typed", N, typedTpf).seconds);
  rawBest = Math.min(rawBest, time("raw", N, rawTpf).seconds);
}

const paper = time("tpf()", 5_000_000, (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += lib.tpf({ effectiveCompute: 1e15 + i, flopPerToken: 1.4e11, facilityPower: 700, joulesPerToken: 0.39, utilization: 0.5 }).rate;
  return acc;
});

const scenario = lib.parseScenario(lib.DEFAULT_SCENARIO_DOCUMENT).right;
const structural = time("evaluate()", 200_000, (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += lib.evaluate(scenario).estimate.outputTokensPerSecond;
  return acc;
});

const inputs = ["700 W", "1.2 MW", "3.35 TB/s", "989.4 TFLOPS", "50 ms", "400 g/kWh"];
const parses = time("parseQuantity", 50_000, (n) => {
  let ok = 0;
  for (let i = 0; i < n; i++) ok += lib.parseScenario ? (units.parseQuantity(inputs[i % inputs.length], [units.power, units.power, units.bandwidth, units.computeRate, units.time, units.carbonIntensity][i % inputs.length])._tag === "Right" ? 1 : 0) : 0;
  return ok;
});

const sweepRows = 2_000_000;
const grid = {
  "facility.deliveredPower": Float64Array.from({ length: sweepRows }, (_, i) => 1e3 * (1 + (i % 10000))),
  utilization: Float64Array.from({ length: sweepRows }, (_, i) => 0.3 + 0.7 * ((i % 7) / 7)),
};
lib.sweep(scenario, grid, { end: 10000 }); // warm up
const sweepStart = performance.now();
const swept = lib.sweep(scenario, grid);
const sweepSeconds = (performance.now() - sweepStart) / 1000;
if (swept._tag !== "Right" || !swept.right.fastPath) throw new Error("sweep did not take the fast path");
const sweepPerSecond = sweepRows / sweepSeconds;
const generalGrid = { "workload.concurrency": Float64Array.from({ length: 20000 }, (_, i) => 1 + (i % 512)) };
const generalStart = performance.now();
lib.sweep(scenario, generalGrid);
const generalPerSecond = 20000 / ((performance.now() - generalStart) / 1000);

// Bundle size: the entry bundled with its runtime dependencies, minified, gzip. mathjs, vega,
// vega-lite and hyparquet are loaded lazily (first unit string, plot, parquet) and left out.
const bundleSize = async (entry) => {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: "esm", platform: "node", external: ["mathjs", "vega", "vega-lite", "hyparquet"], logLevel: "silent" });
  return gzipSync(result.outputFiles[0].contents).length;
};
const coreBytes = await bundleSize("dist/core.js");
const rootBytes = await bundleSize("dist/index.js");

// Cold import: a fresh process each time, median of 7.
const coldImport = (entry) => {
  const times = Array.from({ length: 7 }, () =>
    Number(execFileSync(process.execPath, ["-e", `const t=process.hrtime.bigint();import(${JSON.stringify(entry)}).then(()=>console.log(Number(process.hrtime.bigint()-t)/1e6))`], { encoding: "utf8" }).trim()),
  ).sort((a, b) => a - b);
  return times[3];
};
const coreImportMs = coldImport(new URL("../dist/core.js", import.meta.url).href);
const rootImportMs = coldImport(new URL("../dist/index.js", import.meta.url).href);

const fmt = (x) => x.toExponential(3);
console.log(`typed units vs raw numbers, paper equation (${N} evals, best of ${rounds}): ratio ${(typedBest / rawBest).toFixed(3)} (goal ≤ 1.10)`);
console.log(`paper form tpf(): ${fmt(paper.perSecond)} evaluations/s (goal ≥ 1e7)`);
console.log(`structural evaluate(): ${fmt(structural.perSecond)} evaluations/s (goal ≥ 1e6)`);
console.log(`parseQuantity: ${fmt(parses.perSecond)} parses/s`);
console.log(`sweep, columnar fast path (site inputs): ${fmt(sweepPerSecond)} rows/s = ${(sweepPerSecond / structural.perSecond).toFixed(0)}× evaluate() in a loop`);
console.log(`cold import, core entry (token-production/core, no zod or mathjs): ${coreImportMs.toFixed(1)} ms (goal ≤ 50 ms); root entry (zod, no mathjs): ${rootImportMs.toFixed(1)} ms`);
console.log(`bundle, minified + gzip, without mathjs/vega/hyparquet: core ${(coreBytes / 1024).toFixed(1)} kB (goal ≤ 20 kB), root ${(rootBytes / 1024).toFixed(1)} kB`);
console.log(`sweep, general path (plant inputs): ${fmt(generalPerSecond)} rows/s = ${(generalPerSecond / structural.perSecond).toFixed(2)}× evaluate() in a loop`);

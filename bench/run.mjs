// npm run bench: speed figures from one run (not a test; targets are in the README).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

// parseScenario: the default document (one unit string, "1 MW") and an all-numeric one with an
// inline accelerator and model; zod schemas are built once at module load.
const numericDocument = { accelerator: { base: "H100-SXM", peakFlopPerSecond: { bf16: 1.2e15 } }, count: 8, model: { base: "llama-3.1-70b", layers: 80 }, precision: { weights: "fp8", kv: "fp8" }, workload: { preset: "chat", concurrency: 64 }, facility: { deliveredPower: 1e6, pue: 1.2 }, targets: { tpot: 0.05 } };
const parseMicros = (document) => {
  const n = 20_000;
  for (let i = 0; i < 2000; i++) lib.parseScenario(document);
  const start = performance.now();
  for (let i = 0; i < n; i++) if (lib.parseScenario(document)._tag !== "Right") throw new Error("parse failed");
  return ((performance.now() - start) * 1000) / n;
};
const parseDefaultMicros = Math.min(parseMicros(lib.DEFAULT_SCENARIO_DOCUMENT), parseMicros(lib.DEFAULT_SCENARIO_DOCUMENT));
const parseInlineMicros = Math.min(parseMicros(numericDocument), parseMicros(numericDocument));

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
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: "esm", platform: "node", external: ["mathjs", "vega", "vega-lite", "hyparquet", "#unit-engine"], logLevel: "silent" });
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
console.log(`parseScenario: ${parseDefaultMicros.toFixed(1)} µs per default document, ${parseInlineMicros.toFixed(1)} µs per inline numeric document (best of 2 × 20k)`);
console.log(`sweep, columnar fast path (site inputs): ${fmt(sweepPerSecond)} rows/s = ${(sweepPerSecond / structural.perSecond).toFixed(0)}× evaluate() in a loop`);
console.log(`cold import, core entry (token-production/core, no zod or mathjs): ${coreImportMs.toFixed(1)} ms (goal ≤ 50 ms); root entry (zod, no mathjs): ${rootImportMs.toFixed(1)} ms`);
console.log(`bundle, minified + gzip, without mathjs/vega/hyparquet: core ${(coreBytes / 1024).toFixed(1)} kB (goal ≤ 20 kB), root ${(rootBytes / 1024).toFixed(1)} kB`);
console.log(`sweep, general path (plant inputs): ${fmt(generalPerSecond)} rows/s = ${(generalPerSecond / structural.perSecond).toFixed(2)}× evaluate() in a loop`);

// --- The CLI and the package (issue 15) -------------------------------------------------------
const bin = new URL("../dist/cli/main.cjs", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "tpf-bench-"));
const base = { accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: "chat" };
writeFileSync(join(work, "numeric.json"), JSON.stringify({ ...base, facility: { deliveredPower: 1e6, pue: 1.2 }, targets: { tpot: 0.05 } }));
writeFileSync(join(work, "units.json"), JSON.stringify({ ...base, facility: { deliveredPower: "1 MW", pue: 1.2 }, targets: { tpot: "50 ms" } }));
const wall = (args) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`tpf ${args.join(" ")}: ${r.stderr}`);
  return performance.now() - start;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Paired runs, alternating, so load on the machine hits both alike.
const pairs = Array.from({ length: 9 }, () => [wall([bin, "evaluate", join(work, "numeric.json"), "--json"]), wall([bin, "evaluate", join(work, "units.json"), "--json"])]);
const numericMs = median(pairs.map(([n]) => n));
const unitMs = median(pairs.map(([, u]) => u));
const pairRatio = median(pairs.map(([n, u]) => u / n));
console.log(`CLI call, median of 9 paired runs: numbers ${numericMs.toFixed(0)} ms, unit strings ${unitMs.toFixed(0)} ms; ratio ${pairRatio.toFixed(2)} (goal ≤ 1.5; all of mathjs was 6.8)`);

const startMs = median(Array.from({ length: 5 }, () => {
  const t = performance.now();
  const r = spawnSync("npm", ["start", "--silent"], { cwd: new URL("..", import.meta.url).pathname, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm start: ${r.stderr}`);
  return performance.now() - t;
}));
console.log(`npm start (built): median of 5 ${(startMs / 1000).toFixed(2)} s (goal ≤ 3 s)`);

// 200k scenarios as one JSON array, --json to a pipe: peak resident memory of the process.
const many = Array.from({ length: 200_000 }, (_, i) => ({ ...base, workload: { preset: "chat", concurrency: 1 + (i % 300) }, facility: { deliveredPower: `${1 + (i % 10)} MW`, pue: 1.2 }, targets: { tpot: "50 ms" } }));
writeFileSync(join(work, "many.json"), JSON.stringify(many));
const probe = join(work, "peak.cjs");
writeFileSync(probe, "process.on('exit', () => { require('node:fs').writeSync(2, `peak-rss ${process.resourceUsage().maxRSS}\\n`); });");
const large = spawnSync(process.execPath, ["-r", probe, bin, "evaluate", join(work, "many.json"), "--json"], { encoding: "utf8", maxBuffer: 2 ** 31 - 1, stdio: ["ignore", "ignore", "pipe"] });
const peakKb = Number(/peak-rss (\d+)/.exec(large.stderr)?.[1] ?? NaN);
console.log(`evaluate of 200k scenarios, --json streamed: exit ${large.status}, peak RSS ${(peakKb / 1024).toFixed(0)} MB (goal ≤ 1024 MB)`);

// Consumer install of the packed tarball into an empty project (no optional peers).
const consumer = mkdtempSync(join(tmpdir(), "tpf-consumer-"));
const packed = spawnSync("npm", ["pack", "--silent", "--pack-destination", consumer], { cwd: new URL("..", import.meta.url).pathname, encoding: "utf8" });
const tarball = packed.stdout.trim().split("\n").at(-1);
writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
const installed = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(consumer, tarball)], { cwd: consumer, encoding: "utf8" });
const bytes = (path) => { const st = statSync(path); return st.isDirectory() ? readdirSync(path).reduce((n, e) => n + bytes(join(path, e)), 0) : st.size; };
const du = spawnSync("du", ["-sm", "node_modules"], { cwd: consumer, encoding: "utf8" }).stdout.split("\t")[0];
console.log(`consumer install of the tarball (${(statSync(join(consumer, tarball)).size / 1024).toFixed(0)} kB): exit ${installed.status}, ${readdirSync(join(consumer, "node_modules")).filter((d) => !d.startsWith(".")).length} packages, du -sm ${du} MB, files ${(bytes(join(consumer, "node_modules")) / 1e6).toFixed(1)} MB (goal ≤ 40 MB)`);
rmSync(consumer, { recursive: true, force: true });
rmSync(work, { recursive: true, force: true });

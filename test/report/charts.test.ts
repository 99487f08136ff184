import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_DOCUMENT, evaluate, facilityLever, kvCompression, quantization, rateChart, renderSvg, rooflineChart, stavesChart, waterfallChart } from "../../src/index.js";
import { ratio } from "../../src/units/index.js";
import { scenarioOf } from "../helpers/scenario.js";

const site = scenarioOf({ ...DEFAULT_SCENARIO_DOCUMENT, facility: { deliveredPower: "20 kW", pue: 1.2 }, targets: { tpot: "50 ms" } });

describe("charts", () => {
  it("staves: one bar per stave and mode, the binding one marked", async () => {
    const spec = stavesChart(evaluate(site)) as { data: { values: { stave: string; role: string; mode: string }[] } };
    const binding = spec.data.values.filter((v) => v.role === "binding");
    expect(binding.map((v) => v.mode).sort()).toEqual(["bound", "estimate"]);
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("memory-bandwidth");
  });
  it("rate against delivered power marks the crossover", async () => {
    const spec = rateChart(site) as { layer: { data: { values: { x: number; label?: string }[] } }[] };
    expect(spec.layer[2]!.data.values).toHaveLength(1);
    expect(spec.layer[3]!.data.values[0]!.label).toContain("facility-power →");
    expect(await renderSvg(spec)).toContain("facility-power");
  });
  it("roofline: compute, bandwidth, reached curves and the batch limits", async () => {
    const spec = rooflineChart(site, "estimate") as { layer: { data: { values: { curve?: string; limit?: string }[] } }[] };
    expect(new Set(spec.layer[0]!.data.values.map((v) => v.curve))).toEqual(new Set(["compute", "memory bandwidth", "reached"]));
    expect(spec.layer[1]!.data.values.map((v) => v.limit)).toEqual(["memory capacity", "latency target", "offered concurrency"]);
    expect(await renderSvg(spec)).toContain("<svg");
  });
  it("waterfall: baseline, one step per lever, total; steps chain", async () => {
    const spec = waterfallChart(site, [quantization({ kv: "fp8" }), kvCompression({ ratio: 2 }), facilityLever({ pue: ratio(1.1) })]) as { data: { values: { step: string; start: number; end: number }[] } };
    const v = spec.data.values;
    expect(v.map((s) => s.step)).toEqual(["baseline", "quantization(kv fp8)", "kv-compression(2×)", "facility(PUE 1.1)", "with all levers"]);
    for (let i = 1; i < v.length - 1; i++) expect(v[i]!.start).toBe(v[i - 1]!.end);
    expect(v.at(-1)!.end).toBe(v.at(-2)!.end);
    expect(await renderSvg(spec)).toContain("<svg");
  });
});

import { describe, expect, it } from "vitest";
import { runWithFiles } from "../helpers/cli.js";

const run = runWithFiles;


const scenario = JSON.stringify({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: { weights: "fp8" }, workload: "chat", facility: { deliveredPower: "1 MW", pue: 1.2 } });

describe("tpf evaluate", () => {
  it("--json prints the DESIGN §6 contract", () => {
    const r = run(["evaluate", "s.json", "--json"], { "s.json": scenario });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(typeof j.bound.outputTokensPerSecond).toBe("number");
    expect(typeof j.bound.binding).toBe("string");
    expect(typeof j.bound.ceilings.compute).toBe("number");
    expect(typeof j.estimate.outputTokensPerSecond).toBe("number");
    expect(typeof j.estimate.binding).toBe("string");
    for (const basis of ["joulesPerOutputToken", "joulesPerTotalToken"]) {
      for (const scope of ["accelerator", "it", "facility"]) expect(typeof j.estimate[basis][scope]).toBe("number");
    }
    expect(r.out).not.toMatch(/NaN|Infinity/);
  });
  it("a JSON array gives a JSON array", () => {
    const r = run(["evaluate", "-", "--json"], { "-": `[${scenario},${scenario}]` });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(2);
  });
  it("the table names the binding stave", () => {
    const r = run(["evaluate", "--default"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("← binding");
    expect(r.out).toContain("J per output token");
  });
  it("bad input exits 2 with one line per problem and no stack trace", () => {
    const cases: [string, RegExp][] = [
      ['{"accelerator":"X"', /malformed JSON/],
      [JSON.stringify({ ...JSON.parse(scenario), accelerator: "H900" }), /^accelerator: unknown accelerator/],
      [JSON.stringify({ ...JSON.parse(scenario), facility: { pue: 0.9 } }), /^facility\.pue: /],
      [JSON.stringify({ ...JSON.parse(scenario), workload: { preset: "chat", concurrency: 0 } }), /^workload\.concurrency: /],
      [JSON.stringify({ ...JSON.parse(scenario), facility: { deliveredPower: "-1 MW" } }), /^facility\.deliveredPower: /],
      [JSON.stringify({ ...JSON.parse(scenario), facility: { deliveredPower: "1 MJ" } }), /^facility\.deliveredPower: /],
      [JSON.stringify([JSON.parse(scenario), { ...JSON.parse(scenario), count: -1 }]), /^\[1\]\.count: /],
    ];
    for (const [text, pattern] of cases) {
      const r = run(["evaluate", "s.json"], { "s.json": text });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(run(["evaluate", "missing.json"]).code).toBe(2);
    expect(run(["frobnicate"]).code).toBe(2);
  });
});

describe("tpf levers", () => {
  const withLevers = JSON.stringify({
    ...JSON.parse(scenario),
    targets: { tpot: "50 ms", qualityFloor: 0.99 },
    levers: [{ kind: "quantization", weights: "fp8", compute: "fp8" }, [{ kind: "kv-compression", ratio: 4 }, { kind: "facility", pue: 1.1 }], { kind: "quantization", compute: "fp4" }],
  });
  it("prints one row per lever plus the baseline, feasible first", () => {
    const r = run(["levers", "s.json", "--json"], { "s.json": withLevers });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; feasible: boolean; reason?: string }[];
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)!.feasible).toBe(false);
    expect(rows.at(-1)!.reason).toContain("fp4");
    expect(rows.some((x) => x.id === "baseline")).toBe(true);
    const table = run(["levers", "s.json", "--objective", "J/token"], { "s.json": withLevers });
    expect(table.code).toBe(0);
    expect(table.out).toContain("kv-compression(4×) + facility(PUE 1.1)");
  });
  it("bad lever specs and objectives exit 2 naming the field", () => {
    const bad = JSON.stringify({ ...JSON.parse(scenario), levers: [{ kind: "routing", share: 2, model: "llama-3.1-8b", modelQualityDelta: 0 }] });
    const r = run(["levers", "s.json"], { "s.json": bad });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^levers\.0\.share: /);
    expect(run(["levers", "s.json", "--objective", "speed"], { "s.json": withLevers }).code).toBe(2);
  });
});

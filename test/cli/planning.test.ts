import { describe, expect, it } from "vitest";
import { runWithFiles } from "../helpers/cli.js";

const run = runWithFiles;

const scenario = JSON.stringify({ accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: "chat", facility: { deliveredPower: "1 MW", pue: 1.2 }, targets: { tpot: "50 ms" } });

describe("tpf plan / crossover / sweep", () => {
  it("plan: --target-tokens takes a unit string: \"5 Mtokens/s\" plans the same as 5000000", () => {
    const a = run(["plan", "s.json", "--target-tokens", "5 Mtokens/s", "--json"], { "s.json": scenario });
    const b = run(["plan", "s.json", "--target-tokens", "5000000", "--json"], { "s.json": scenario });
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
    const bad = run(["plan", "s.json", "--target-tokens", "5 MW"], { "s.json": scenario });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/target: expected output tokens\/s/);
  });
  it("plan: each row says whether it fits the scenario's own site (meter power ≤ delivered power), and the table flags one that does not", () => {
    const r = run(["plan", "s.json", "--target-tokens", "5000000", "--accelerators", "H100-SXM,B200", "--json"], { "s.json": scenario });
    expect(r.code).toBe(0);
    const options = JSON.parse(r.out).options as { meterPower: number; fitsSite?: boolean }[];
    for (const o of options) expect(o.fitsSite).toBe(o.meterPower <= 1e6);
    expect(options.some((o) => o.fitsSite === false)).toBe(true); // 5M tok/s needs more than 1 MW
    const table = run(["plan", "s.json", "--target-tokens", "5000000", "--accelerators", "H100-SXM"], { "s.json": scenario });
    expect(table.out).toMatch(/exceeds the scenario's site/);
    const bare = JSON.stringify({ ...JSON.parse(scenario), facility: { pue: 1.2 } });
    const free = JSON.parse(run(["plan", "s.json", "--target-tokens", "5000000", "--json"], { "s.json": bare }).out).options as { fitsSite?: boolean }[];
    expect(free.every((o) => o.fitsSite === undefined)).toBe(true);
  });
  it("plan: JSON with the cheapest option; table names each accelerator", () => {
    const r = run(["plan", "s.json", "--target-tokens", "1000000", "--accelerators", "H100-SXM,B200", "--json"], { "s.json": scenario });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan.options).toHaveLength(2);
    expect(plan.cheapest.feasible).toBe(true);
    const table = run(["plan", "s.json", "--target-requests", "100"], { "s.json": scenario });
    expect(table.out).toContain("cheapest: ");
  });
  it("plan: bad targets and ids exit 2", () => {
    expect(run(["plan", "s.json"], { "s.json": scenario }).code).toBe(2);
    expect(run(["plan", "s.json", "--target-tokens", "-5"], { "s.json": scenario }).code).toBe(2);
    expect(run(["plan", "s.json", "--target-tokens", "5", "--accelerators", "H900"], { "s.json": scenario }).err).toContain("unknown H900");
  });
  it("crossover: unit strings for the range; JSON result", () => {
    const r = run(["crossover", "s.json", "--parameter", "facility.deliveredPower", "--low", "1 kW", "--high", "10 MW", "--json"], { "s.json": scenario });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.found).toBe(true);
    expect(c.before).toBe("facility-power");
    const bad = run(["crossover", "s.json", "--parameter", "facility.deliveredPower", "--low", "1 kJ", "--high", "10 MW"], { "s.json": scenario });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--low: expected a power in W");
  });
  it("sweep: CSV with a header, shards concatenate, JSON lines", () => {
    const grid = JSON.stringify({ "facility.deliveredPower": [1e3, 1e4, 1e5, 1e6, 1e7], utilization: [1, 0.9, 0.8, 0.7, 0.6] });
    const files = { "s.json": scenario, "g.json": grid };
    const whole = run(["sweep", "s.json", "--grid", "g.json"], files);
    expect(whole.code).toBe(0);
    const lines = whole.out.split("\n");
    expect(lines[0]).toBe("row,outputTokensPerSecond,binding,feasible,joulesPerOutputToken");
    expect(lines).toHaveLength(6);
    const shards = [1, 2, 3].map((k) => run(["sweep", "s.json", "--grid", "g.json", "--shard", `${k}/3`], files).out).filter((o) => o !== "").join("\n");
    expect(shards).toBe(whole.out);
    const csvGrid = "facility.pue\n1.1\n1.5\n";
    const json = run(["sweep", "s.json", "--grid", "g.csv", "--format", "json"], { ...files, "g.csv": csvGrid });
    expect(json.out.split("\n").map((l) => JSON.parse(l).row)).toEqual([0, 1]);
  });
  it("sweep: bad grids and shards exit 2 naming the problem", () => {
    const files = { "s.json": scenario, "g.csv": "facility.pue\n1.1\nx\n", "h.json": JSON.stringify({ "facility.pue": [0.5] }) };
    expect(run(["sweep", "s.json", "--grid", "g.csv"], files).err).toContain("grid row 2");
    expect(run(["sweep", "s.json", "--grid", "h.json"], files).err).toContain("expected a ratio in [1, 10]");
    expect(run(["sweep", "s.json", "--grid", "h.json", "--shard", "4/3"], files).err).toContain("--shard");
    expect(run(["sweep", "s.json"], files).code).toBe(2);
  });
});

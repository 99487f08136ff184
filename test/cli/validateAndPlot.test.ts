import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_DOCUMENT } from "../../src/index.js";
import { runInMemory } from "./memoryIo.js";

const fixture = readFileSync(new URL("../fixtures/mlenergy_v3_runs.csv", import.meta.url), "utf8");
const [header, ...rows] = fixture.trimEnd().split("\n");

describe("tpf validate on a file where no row maps", () => {
  it("runs on an accelerator the catalog lacks: one summary line with the first reason, exit 2", async () => {
    const text = [header, ...rows.slice(0, 12).map((r) => r.replace(/\b(B200|H100)\b/g, "TPUv5"))].join("\n");
    const r = await runInMemory(["validate", "runs.csv"], { "runs.csv": text });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toBe('tpf validate: no run in "runs.csv" maps to a scenario (0 rows unreadable, 12 runs not mapped); first problem: gpu_model: no catalog accelerator for "TPUv5"');
  });
  it("rows that do not read at all: the same one line, naming the first bad field", async () => {
    const text = [header, ...rows.slice(0, 5).map((r) => r.split(",").map((c, i) => (i === 1 ? "" : c)).join(","))].join("\n");
    const r = await runInMemory(["validate", "runs.csv"], { "runs.csv": text });
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^tpf validate: no run in "runs\.csv" maps to a scenario \(5 rows unreadable, 0 runs not mapped\); first problem: row 0, task: /);
  });
  it("a file that is not what its name says (a .parquet of text): its name is in the message, exit 2", async () => {
    const r = await runInMemory(["validate", "runs.parquet"], { "runs.parquet": "not a parquet file at all" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^"runs\.parquet": /);
  });

  it("a file where some rows map still validates them (exit 0) and warns about the others", async () => {
    const text = [header, ...rows.slice(0, 3), rows[3]!.replace(/\b(B200|H100)\b/g, "TPUv5")].join("\n");
    const r = await runInMemory(["validate", "runs.csv"], { "runs.csv": text });
    expect(r.code).toBe(0);
    expect(r.out).toContain("4 runs (3 mapped)");
  });
});

describe("tpf plot -o", () => {
  it("into a missing directory: cannot write …, exit 2 (not an internal error)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tpf-plot-"));
    const target = join(dir, "missing", "dir", "x.svg");
    const r = await runInMemory(["plot", "staves", "--default", "--spec", "-o", target], {}, { writeText: (path, text) => writeFileSync(path, text) });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^tpf: cannot write "${target.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}": ENOENT`));
    const ok = await runInMemory(["plot", "staves", "--default", "--spec", `--output=${join(dir, "x.json")}`], {}, { writeText: (path, text) => writeFileSync(path, text) });
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "x.json"), "utf8")).$schema).toContain("vega-lite");
  });
  it("a missing or unknown chart kind is a usage error with the kinds", async () => {
    const r = await runInMemory(["plot", "stave", "s.json"], { "s.json": JSON.stringify(DEFAULT_SCENARIO_DOCUMENT) });
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe('tpf: plot: expected a kind, one of staves, rate, roofline, waterfall, got "stave" (did you mean "staves"?)');
  });
});

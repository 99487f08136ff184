import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_DOCUMENT } from "../../src/index.js";
import { BIN, runInMemory } from "./memoryIo.js";

const HEADER = "row,outputTokensPerSecond,binding,feasible,joulesPerOutputToken";
const scenario = JSON.stringify({ ...DEFAULT_SCENARIO_DOCUMENT, facility: { pue: 1.2 } });
const files = {
  "s.json": scenario,
  "two.json": JSON.stringify({ "facility.deliveredPower": [1e6, 2e6] }),
  "five.json": JSON.stringify({ "facility.deliveredPower": [1e5, 2e5, 3e5, 4e5, 5e5] }),
};
const lines = (text: string) => text.split("\n").filter((l) => l !== "");

describe("tpf sweep: headers and shards", () => {
  it("any number of shards, even more than rows: one header, no blank line, rows in order", async () => {
    const whole = await runInMemory(["sweep", "s.json", "--grid", "five.json"], files);
    expect(lines(whole.out)).toHaveLength(6);
    for (const n of [1, 2, 3, 5, 7, 12]) {
      const outs = await Promise.all(Array.from({ length: n }, (_, k) => runInMemory(["sweep", "s.json", "--grid", "five.json", "--shard", `${k + 1}/${n}`], files)));
      const joined = outs.map((o) => o.out).join("");
      expect(joined, `${n} shards`).toBe(whole.out);
      expect(joined.split("\n").filter((l) => l === HEADER), `${n} shards`).toHaveLength(1);
      // An empty shard prints nothing at all (not even a line break), except shard 1's header.
      outs.forEach((o, k) => {
        if (k > 0 && !/\d/.test(o.out)) expect(o.out).toBe("");
      });
    }
  });
  it("--workers more than rows on the built binary: header + 2 rows, nothing else", () => {
    const bin = fileURLToPath(BIN);
    if (!existsSync(bin)) return;
    const dir = mkdtempSync(join(tmpdir(), "tpf-sweep-"));
    writeFileSync(join(dir, "s.json"), scenario);
    writeFileSync(join(dir, "two.json"), files["two.json"]);
    for (const workers of ["5"]) {
      const out = execFileSync(process.execPath, [bin, "sweep", join(dir, "s.json"), "--grid", join(dir, "two.json"), "--workers", workers], { encoding: "utf8" });
      const all = out.split("\n");
      expect(all, `--workers ${workers}`).toHaveLength(4);
      expect(all[0]).toBe(HEADER);
      expect(all.slice(1, 3).map((l) => l.split(",")[0])).toEqual(["0", "1"]);
      expect(all[3]).toBe("");
    }
  });
  it("bad --workers and --shard values exit 2", async () => {
    expect((await runInMemory(["sweep", "s.json", "--grid", "two.json", "--workers", "0"], files)).err).toContain("--workers: expected a whole number from 1 to 256");
    expect((await runInMemory(["sweep", "s.json", "--grid", "two.json", "--shard", "0/3"], files)).code).toBe(2);
  });
});

describe("tpf sweep: grids", () => {
  it("a value past the scenario's own limit (a shared prefix longer than chat's 224-token prompt) is refused before any row, naming its row", async () => {
    const prefixes = Array.from({ length: 60_000 }, (_, i) => (i === 59_999 ? 5000 : i % 200));
    const r = await runInMemory(["sweep", "s.json", "--grid", "prefix.json"], { ...files, "prefix.json": JSON.stringify({ "workload.sharedPrefixTokens": prefixes }) });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/grid\.workload\.sharedPrefixTokens\.59999: expected a value at most workload\.inputTokens \[0, 224\] token, got 5000/);
  });

  it("--product: every combination, the last column fastest, with the inputs echoed", async () => {
    const grid = JSON.stringify({ "facility.deliveredPower": ["1 MW", "2 MW", "3 MW"], "facility.pue": [1.1, 1.5] });
    const r = await runInMemory(["sweep", "s.json", "--grid", "g.json", "--product"], { ...files, "g.json": grid });
    expect(r.code).toBe(0);
    const rows = lines(r.out);
    expect(rows[0]).toBe("row,facility.deliveredPower,facility.pue,outputTokensPerSecond,binding,feasible,joulesPerOutputToken");
    // 3 × 2 = 6 rows: (1 MW, 1.1), (1 MW, 1.5), (2 MW, 1.1), …
    expect(rows.slice(1).map((l) => l.split(",").slice(0, 3).join(","))).toEqual([
      "0,1000000,1.1", "1,1000000,1.5", "2,2000000,1.1", "3,2000000,1.5", "4,3000000,1.1", "5,3000000,1.5",
    ]);
    // Shards of a product concatenate like any other grid.
    const halves = await Promise.all(["1/2", "2/2"].map((s) => runInMemory(["sweep", "s.json", "--grid", "g.json", "--product", "--shard", s], { ...files, "g.json": grid })));
    expect(halves.map((h) => h.out).join("")).toBe(r.out);
  });
  it("a product of columns of different lengths in CSV: short columns end early", async () => {
    const csv = "facility.deliveredPower,utilization\n1 MW,0.5\n2 MW,\n3 MW,\n";
    const r = await runInMemory(["sweep", "s.json", "--grid", "g.csv", "--product"], { ...files, "g.csv": csv });
    expect(r.code).toBe(0);
    expect(lines(r.out)).toHaveLength(1 + 3);
    const zipped = await runInMemory(["sweep", "s.json", "--grid", "g.csv"], { ...files, "g.csv": csv });
    expect(zipped.code).toBe(2);
    expect(zipped.err).toContain("grid row 2, utilization: expected a number, got an empty cell");
  });
  it("unit strings give the same rows as SI numbers", async () => {
    const numbers = await runInMemory(["sweep", "s.json", "--grid", "n.json"], { ...files, "n.json": JSON.stringify({ "facility.deliveredPower": [1500, 2e6], "targets.tpot": [0.05, 0.02] }) });
    const units = await runInMemory(["sweep", "s.json", "--grid", "u.csv"], { ...files, "u.csv": "facility.deliveredPower,targets.tpot\n1.5 kW,50 ms\n2 MW,20 ms\n" });
    expect(numbers.code).toBe(0);
    expect(units.out).toBe(numbers.out);
    const wrong = await runInMemory(["sweep", "s.json", "--grid", "w.csv"], { ...files, "w.csv": "facility.deliveredPower\n1 MJ\n" });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toBe('grid row 1, facility.deliveredPower: expected a power in W (or a number in W), got "1 MJ"');
  });
  it("CSV as spreadsheets write it: byte-order mark, CRLF, quoted cells", async () => {
    const plain = await runInMemory(["sweep", "s.json", "--grid", "p.csv", "--echo"], { ...files, "p.csv": "facility.deliveredPower,facility.pue\n1000000,1.1\n2000000,1.3\n" });
    const excel = await runInMemory(["sweep", "s.json", "--grid", "x.csv", "--echo"], { ...files, "x.csv": '\uFEFF"facility.deliveredPower","facility.pue"\r\n"1 MW",1.1\r\n"2,000 kW",1.3\r\n'.replace("2,000 kW", "2000 kW") });
    expect(plain.code).toBe(0);
    expect(excel.out).toBe(plain.out);
    expect(lines(plain.out)[1]!.split(",").slice(0, 3)).toEqual(["0", "1000000", "1.1"]);
  });
  it("JSON lines carry the inputs of each row", async () => {
    const r = await runInMemory(["sweep", "s.json", "--grid", "two.json", "--format", "json"], files);
    const rows = lines(r.out).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => [x.row, x["facility.deliveredPower"]])).toEqual([[0, 1e6], [1, 2e6]]);
  });
  it("an unknown column suggests the near parameter; out-of-range values are refused before any row prints", async () => {
    const r = await runInMemory(["sweep", "s.json", "--grid", "g.csv"], { ...files, "g.csv": "facility.peu\n1.2\n" });
    expect(r.err).toMatch(/^grid: unknown parameter "facility.peu" \(did you mean "facility.pue"\?\)/);
    const late = await runInMemory(["sweep", "s.json", "--grid", "g.json"], { ...files, "g.json": JSON.stringify({ "facility.pue": [1.2, 1.3, 0.5] }) });
    expect(late.code).toBe(2);
    expect(late.out).toBe("");
    expect(late.err).toBe("grid.facility.pue.2: expected a ratio in [1, 10], got 0.5");
  });
  it("a progress display only when the io offers one (a terminal), over large sweeps", async () => {
    const updates: number[] = [];
    let stopped = 0;
    const big = JSON.stringify({ utilization: Array.from({ length: 120_000 }, (_, i) => 0.1 + 0.9 * ((i % 10) / 10)) });
    const progress = () => ({ update: (n: number) => updates.push(n), stop: () => { stopped += 1; } });
    const r = await runInMemory(["sweep", "s.json", "--grid", "big.json"], { ...files, "big.json": big }, { progress });
    expect(r.code).toBe(0);
    expect(updates).toEqual([50_000, 100_000, 120_000]);
    expect(stopped).toBe(1);
    expect(r.err).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { ACCELERATORS, FACILITIES, MODELS, PARAMETER_NAMES, WORKLOADS } from "../../src/index.js";
import { runInMemory } from "./memoryIo.js";

describe("tpf list", () => {
  it("every catalog id appears, with its source and date", async () => {
    const catalogs: [string, Readonly<Record<string, { source?: string; date?: string }>>][] = [
      ["accelerators", ACCELERATORS],
      ["models", MODELS],
      ["workloads", WORKLOADS],
    ];
    for (const [topic, catalog] of catalogs) {
      const json = await runInMemory(["list", topic, "--json"]);
      expect(json.code).toBe(0);
      const entries = JSON.parse(json.out) as { id: string; source: string; date: string }[];
      expect(entries.map((e) => e.id)).toEqual(Object.keys(catalog));
      for (const entry of entries) {
        expect(entry.source, entry.id).toBe(catalog[entry.id]!.source);
        expect(entry.date, entry.id).toBe(catalog[entry.id]!.date);
      }
      const table = await runInMemory(["list", topic]);
      const rows = table.out.trimEnd().split("\n");
      expect(rows).toHaveLength(Object.keys(catalog).length + 1);
      for (const id of Object.keys(catalog)) expect(rows.some((r) => r.startsWith(`${id} `)), id).toBe(true);
    }
    const facilities = JSON.parse((await runInMemory(["list", "facilities", "--json"])).out) as { id: string }[];
    expect(facilities.map((f) => f.id)).toEqual(Object.keys(FACILITIES));
  });
  it("accelerators carry key figures: H100-SXM 989.4 TFLOP/s bf16, 85.5 GB as software sees it (nvidia-smi: 81559 MiB), 3.35 TB/s, 700 W (NVIDIA datasheet)", async () => {
    const rows = (await runInMemory(["list", "accelerators"])).out.split("\n");
    const h100 = rows.find((r) => r.startsWith("H100-SXM "))!;
    for (const figure of ["989.4", "1979", " 85.5 ", "3.35", "700"]) expect(h100).toContain(figure);
  });
  it("levers: every kind with its fields; parameters: every name with its SI unit", async () => {
    const levers = JSON.parse((await runInMemory(["list", "levers", "--json"])).out) as { kind: string; fields: { name: string; required: boolean }[] }[];
    expect(levers.map((l) => l.kind)).toEqual(["quantization", "kv-compression", "sparse-attention", "routing", "adaptive-reasoning", "speculative-decoding", "power-cap", "clock-lock", "batching", "facility"]);
    // The fields of a kind are what its JSON accepts (DESIGN §3; README lever table).
    expect(levers.find((l) => l.kind === "routing")!.fields).toEqual([
      { name: "share", required: true },
      { name: "model", required: true },
      { name: "modelQualityDelta", required: true },
    ]);
    expect(levers.find((l) => l.kind === "power-cap")!.fields).toEqual([{ name: "maxPower", required: true }]);
    expect(levers.find((l) => l.kind === "clock-lock")!.fields).toEqual([{ name: "clock", required: true }]);
    const parameters = JSON.parse((await runInMemory(["list", "parameters", "--json"])).out) as { name: string; unit: string }[];
    expect(parameters.map((p) => p.name)).toEqual([...PARAMETER_NAMES]);
    expect(parameters.find((p) => p.name === "facility.deliveredPower")!.unit).toBe("W");
    expect(parameters.find((p) => p.name === "targets.tpot")!.unit).toBe("s");
  });
  it("accelerators show their settable power-limit range and clock range: H100-SXM 200–700 W (nvidia-smi -q -d POWER), 345–1980 MHz (nvidia-smi -q)", async () => {
    const rows = (await runInMemory(["list", "accelerators"])).out.split("\n");
    const h100 = rows.find((r) => r.startsWith("H100-SXM "))!;
    expect(h100).toContain("200–700");
    expect(h100).toContain("345–1980");
    const json = JSON.parse((await runInMemory(["list", "accelerators", "--json"])).out) as { id: string; powerLimitRange: { min: number; max: number }; clock: { min: number; max: number } }[];
    expect(json.find((a) => a.id === "H100-SXM")).toMatchObject({ powerLimitRange: { min: 200, max: 700 }, clock: { min: 345e6, max: 1980e6 } });
  });
  it("engines: vllm, sglang, tensorrt-llm with grade and source", async () => {
    const json = JSON.parse((await runInMemory(["list", "engines", "--json"])).out) as { id: string; grade: string; source: string }[];
    expect(json.map((e) => e.id)).toEqual(["vllm", "sglang", "tensorrt-llm"]);
    expect(json.map((e) => e.grade)).toEqual(["fitted", "derived", "derived"]);
    for (const e of json) expect(e.source.length).toBeGreaterThan(10);
  });
  it("fields: every scenario field with its accepted range, the later issues' fields included", async () => {
    const table = (await runInMemory(["list", "fields"])).out.split("\n");
    const row = (field: string) => table.find((r) => r.startsWith(`${field} `)) ?? "";
    expect(row("facility.pue")).toContain("a ratio in [1, 10]");
    expect(row("workload.sharedPrefixTokens")).toContain("[0, 1e12]");
    expect(row("accelerator.clockLock")).toContain("(0, 1e11] Hz");
    expect(row("model.layers")).toContain("a whole number of layers in [1, 1e9]");
    for (const p of ["tensor", "expert", "pipeline", "data"]) expect(row(`parallelism.${p}`)).toContain("[1, 1e9]");
    expect(row("engine")).toContain("one of vllm, sglang, tensorrt-llm");
    // Lever, plan and uncertain options are not scenario fields.
    expect(table.some((r) => r.startsWith("levers."))).toBe(false);
    // parameters carry their range too, the new ones included.
    const parameters = JSON.parse((await runInMemory(["list", "parameters", "--json"])).out) as { name: string; range: { text: string } }[];
    expect(parameters.find((p) => p.name === "facility.pue")!.range.text).toBe("a ratio in [1, 10]");
    expect(parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["workload.sharedPrefixTokens", "accelerator.clockLock"]));
  });
  it("an unknown topic: the topics and the near one, exit 2", async () => {
    const r = await runInMemory(["list", "acelerators"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('list: expected one of accelerators, models, workloads, facilities, engines, levers, parameters, fields, got "acelerators" (did you mean "accelerators"?)');
    expect((await runInMemory(["list"])).code).toBe(2);
  });
});

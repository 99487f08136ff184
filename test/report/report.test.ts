import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson, DEFAULT_SCENARIO_DOCUMENT, report, scenarioDigest, sha256, VERSION, assumptionsOf } from "../../src/index.js";
import { scenarioOf } from "../helpers/scenario.js";

const scenario = scenarioOf({ ...DEFAULT_SCENARIO_DOCUMENT, targets: { tpot: "50 ms" } });

describe("provenance", () => {
  it("SHA-256 test vectors (FIPS 180-2, appendix B)", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });
  it("canonical JSON sorts keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":1,"z":0}]},"b":1}');
    expect(scenarioDigest(scenario)).toBe(scenarioDigest(scenarioOf({ ...DEFAULT_SCENARIO_DOCUMENT, targets: { tpot: 0.05 } })));
    expect(scenarioDigest(scenario)).not.toBe(scenarioDigest(scenarioOf(DEFAULT_SCENARIO_DOCUMENT)));
  });
  it("VERSION matches package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe("report", () => {
  it("the same scenario yields byte-identical output in every format", () => {
    for (const format of ["markdown", "latex", "json"] as const) {
      expect(report(scenario, { format })).toBe(report(scenarioOf({ ...DEFAULT_SCENARIO_DOCUMENT, targets: { tpot: "50 ms" } }), { format }));
    }
  });
  it("markdown: the paper's reporting items first, then targets, assumptions and provenance", () => {
    const md = report(scenario, { format: "markdown" });
    const order = ["## Reporting items", "| output token (amortized at U)", "Binding constraint:", "PUE-adjusted delivered power: 833 kW", "Utilization-adjusted output:", "## Targets", "## Assumptions", "## Provenance", "@software{"];
    const positions = order.map((s) => md.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain(`scenario SHA-256 \`${scenarioDigest(scenario)}\``);
    expect(md).toContain("location-based");
  });
  it("assumptions carry sources, and user overrides are marked", () => {
    const custom = scenarioOf({ ...DEFAULT_SCENARIO_DOCUMENT, facility: { preset: "air-cooled-hgx", pue: 1.15 }, accelerator: { base: "H100-SXM", maxPower: "500 W" } });
    const rows = assumptionsOf(custom);
    expect(rows.find((a) => a.name === "facility.pue")).toMatchObject({ value: 1.15, overridden: true });
    expect(rows.find((a) => a.name === "accelerator.maxPower")).toMatchObject({ value: 500, overridden: true });
    expect(rows.find((a) => a.name === "accelerator.memoryBandwidth")).toMatchObject({ overridden: false });
    expect(rows.every((a) => a.source.length > 0)).toBe(true);
    expect(assumptionsOf(scenario).filter((a) => a.overridden)).toEqual([]);
  });
  it("LaTeX uses booktabs and siunitx and escapes text", () => {
    const tex = report(scenario, { format: "latex" });
    expect(tex).toContain("\\toprule");
    expect(tex).toContain("\\bottomrule");
    expect(tex).toMatch(/\\SI\{0\.\d+\}\{\\joule\}/);
    expect(tex).toContain("\\SI{833}{\\kilo\\watt}");
    expect(tex).not.toMatch(/[^\\]_/); // underscores escaped
    let depth = 0;
    for (const c of tex.replace(/\\[{}]/g, "")) {
      if (c === "{") depth++;
      if (c === "}") depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
  const pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].find(existsSync);
  it.runIf(pdflatex !== undefined)("LaTeX compiles as a fragment (when pdflatex is installed)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tpf-tex-"));
    writeFileSync(join(dir, "card.tex"), report(scenario, { format: "latex" }));
    writeFileSync(join(dir, "doc.tex"), "\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{siunitx}\n\\usepackage{longtable}\n\\begin{document}\n\\input{card.tex}\n\\end{document}\n");
    execFileSync(pdflatex!, ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"], { cwd: dir, stdio: "ignore", timeout: 120_000 });
    expect(existsSync(join(dir, "doc.pdf"))).toBe(true);
  });
  it("JSON parses and holds the reporting items", () => {
    const card = JSON.parse(report(scenario, { format: "json" }));
    expect(card.binding.estimate).toBeTypeOf("string");
    expect(card.joulesPerToken.outputBasis.facility).toBeGreaterThan(card.joulesPerToken.outputBasis.it);
  });
});

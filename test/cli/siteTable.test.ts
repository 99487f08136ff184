// The terminal table ends with the whole site's answer (issue 16: "the CLI table has the same
// blind spot" as the page, which answered for one replica and never said so). The expected
// figures are invariants of filling a site, checked against the one-replica evaluation from
// the library, never against the site function itself:
//   n replicas fill a site when n · P₁ ≤ P_delivered < (n + 1) · P₁ (P₁ one replica's average
//   facility power; 8 accelerators = one host node, so power adds per replica), and the site
//   then makes n × the one-replica output.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import { evaluate, parseScenario } from "../../src/index.js";
import { runInMemory } from "./memoryIo.js";

const SITE_W = 1e6;
const doc = {
  accelerator: "H100-SXM",
  count: 8,
  model: "llama-3.1-70b",
  precision: "fp8",
  workload: "chat",
  facility: { deliveredPower: "1 MW", pue: 1.2 },
};

const oneReplica = (document: object) => {
  const parsed = parseScenario(document);
  if (E.isLeft(parsed)) throw new Error("the test scenario must parse");
  return evaluate(parsed.right).estimate;
};

const siteLine = (out: string) => {
  const m = /^site: (\d+) replicas? \(([^)]*)\), (\d+) accelerators/m.exec(out);
  if (m === null) throw new Error(`no site line in:\n${out}`);
  return { replicas: Number(m[1]), how: m[2]!, accelerators: Number(m[3]) };
};

const tokensPerDay = (out: string): number => {
  const m = /output \(([\d.e+]+) tokens\/day\)/.exec(out);
  if (m === null) throw new Error("no tokens/day");
  return Number(m[1]);
};

describe("tpf evaluate table: the site's answer", () => {
  it("fills a 1 MW site with as many whole replicas as its power feeds, and says the blocks above are one replica", async () => {
    const run = await runInMemory(["evaluate", "s.json"], { "s.json": JSON.stringify(doc) });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^estimate \(U = 1, one replica\)/m);
    const one = oneReplica(doc);
    const site = siteLine(run.out);
    expect(site.how).toMatch(/site's power/);
    expect(site.accelerators).toBe(site.replicas * 8);
    // n · P₁ ≤ 1 MW < (n + 1) · P₁
    expect(site.replicas * one.averagePower.facility).toBeLessThanOrEqual(SITE_W * (1 + 1e-9));
    expect((site.replicas + 1) * one.averagePower.facility).toBeGreaterThan(SITE_W);
    expect(site.replicas).toBeGreaterThan(10);
    // Site tokens/day = n × one replica's tokens/s × 86,400 s (printed to 4 significant digits).
    const expected = site.replicas * one.outputTokensPerSecond * 86_400;
    expect(Math.abs(tokensPerDay(run.out) - expected) / expected).toBeLessThan(1e-3);
  });

  it("takes the scenario's own replicas when the document names them", async () => {
    const named = { ...doc, replicas: 3 };
    const run = await runInMemory(["evaluate", "s.json"], { "s.json": JSON.stringify(named) });
    expect(run.code).toBe(0);
    const site = siteLine(run.out);
    expect(site).toEqual({ replicas: 3, how: "as the scenario names", accelerators: 24 });
    const expected = 3 * oneReplica(doc).outputTokensPerSecond * 86_400;
    expect(Math.abs(tokensPerDay(run.out) - expected) / expected).toBeLessThan(1e-3);
  });

  it("a site without a power limit has nothing to fill: one replica, as the scenario names", async () => {
    const { facility: _omit, ...bare } = doc;
    const run = await runInMemory(["evaluate", "s.json"], { "s.json": JSON.stringify(bare) });
    expect(siteLine(run.out)).toEqual({ replicas: 1, how: "as the scenario names", accelerators: 8 });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../src/index.js";
import { mutatedDocument, RUNS, FUZZ_TIMEOUT_MS } from "./fuzzHelpers.js";

describe("fuzz: the CLI", () => {
  const run = (argv: string[], file: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { readText: (p) => (p === "s.json" || p === "-" ? file : (() => { throw new Error("ENOENT"); })()), out: (t) => out.push(t), err: (t) => err.push(t) };
    return { code: runCli(argv, io), out: out.join("\n"), err: err.join("\n") };
  };
  const argv = fc.tuple(
    fc.constantFrom("evaluate", "levers", "plan", "crossover", "sweep", "frobnicate", "--help"),
    fc.array(fc.oneof(fc.constantFrom("s.json", "-", "--json", "--default", "--target-tokens", "1000", "--parameter", "facility.pue", "--low", "1", "--high", "3", "--grid", "--shard", "1/2", "--objective", "J/token", "missing.json"), fc.string({ maxLength: 6 })), { maxLength: 6 }),
  ).map(([command, rest]) => [command, ...rest]);
  const file = fc.oneof(mutatedDocument.map((d) => JSON.stringify(d)), fc.string(), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)));
  it(`${RUNS} argument lists and files: exit 0, 1 or 2, a message on failure, no stack trace, no NaN`, () => {
    fc.assert(
      fc.property(argv, file, (args, text) => {
        const r = run(args, text);
        expect(typeof r.code).toBe("number");
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) expect(r.err.length).toBeGreaterThan(0);
        expect(r.err).not.toMatch(/\n\s+at /);
        expect(r.err).not.toContain("internal error");
        expect(r.out).not.toMatch(/\bNaN\b|\bInfinity\b/);
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT_MS);
});

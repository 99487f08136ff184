import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The built binary: --workers spreads the sweep over threads; the output equals one thread's.
const bin = fileURLToPath(new URL("../../dist/cli/main.cjs", import.meta.url));

describe.runIf(existsSync(bin))("tpf sweep --workers", () => {
  it("gives the same CSV as a single thread", () => {
    const dir = mkdtempSync(join(tmpdir(), "tpf-"));
    const power = Array.from({ length: 5000 }, (_, i) => 1e3 * (i + 1));
    writeFileSync(join(dir, "grid.json"), JSON.stringify({ "facility.deliveredPower": power }));
    const one = execFileSync(process.execPath, [bin, "sweep", "--default", "--grid", join(dir, "grid.json")], { encoding: "utf8" });
    const two = execFileSync(process.execPath, [bin, "sweep", "--default", "--grid", join(dir, "grid.json"), "--workers", "2"], { encoding: "utf8" });
    expect(two).toBe(one);
    expect(one.trim().split("\n")).toHaveLength(5001);
  });
});

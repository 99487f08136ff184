import * as E from "fp-ts/lib/Either.js";
import { WORKLOADS, type WorkloadId } from "../catalog/workloads.js";
import { loadMeasuredRuns, type MeasuredFormat } from "../measured/loadRuns.js";
import { formatRowError } from "../measured/loadResult.js";
import { validate, validationCsv } from "../measured/validate.js";
import type { CliIo } from "./run.js";

const FORMATS: readonly MeasuredFormat[] = ["mlenergy", "inferencex", "llm-energy-measure", "telemetry"];
const pct = (x: number | undefined): string => (x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);

/** `tpf validate <file>`: measured runs against the bound and the estimate. */
export const runValidate = async (
  path: string | undefined,
  flags: ReadonlyMap<string, string>,
  output: "table" | "json" | "csv",
  io: CliIo,
): Promise<number> => {
  if (path === undefined) {
    io.err("tpf: expected one file of measured runs");
    return 2;
  }
  const format = flags.get("--format");
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    io.err(`--format: expected one of ${FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
    return 2;
  }
  const preset = flags.get("--preset") ?? "chat";
  if (!Object.hasOwn(WORKLOADS, preset)) {
    io.err(`--preset: expected one of ${Object.keys(WORKLOADS).join(", ")}, got ${JSON.stringify(preset)}`);
    return 2;
  }
  let data: Uint8Array;
  try {
    data = io.readBytes === undefined ? new TextEncoder().encode(io.readText(path)) : io.readBytes(path);
  } catch (error) {
    io.err(`tpf: cannot read ${JSON.stringify(path)}: ${error instanceof Error ? error.message.split("\n")[0] : "read failed"}`);
    return 2;
  }
  const loaded = await loadMeasuredRuns(path, data, format as MeasuredFormat | undefined);
  if (E.isLeft(loaded)) {
    io.err(loaded.left.message);
    return 2;
  }
  for (const error of loaded.right.errors) io.err(`warning: ${formatRowError(error)} (row skipped)`);
  for (const warning of loaded.right.warnings) io.err(`warning: ${warning}`);
  const result = validate(loaded.right.runs, preset as WorkloadId);
  if (output === "json") io.out(JSON.stringify({ format: loaded.right.format, ...result }, null, 2));
  else if (output === "csv") io.out(validationCsv(result));
  else {
    const s = result.summary;
    const lines = result.runs.map((r) =>
      r.mapped
        ? `${r.label.padEnd(70)} ${pct(r.fractionOfBound).padStart(7)} of bound (${r.boundBinding})  rate err ${pct(r.rateError).padStart(7)}  J err ${pct(r.energyError).padStart(7)}${r.idleDominated ? "  idle-dominated" : ""}`
        : `${r.label.padEnd(70)} not mapped: ${r.reason ?? ""}`,
    );
    io.out(
      [
        ...lines,
        "",
        `${s.runs} runs (${s.mapped} mapped): ${s.violations} violations; highest measured ÷ bound ${pct(s.maxFractionOfBound)}`,
        `estimate error |est/meas − 1|: tokens/s median ${pct(s.medianAbsoluteRateError)}, p90 ${pct(s.p90AbsoluteRateError)}; J/output token median ${pct(s.medianAbsoluteEnergyError)}, p90 ${pct(s.p90AbsoluteEnergyError)}`,
      ].join("\n"),
    );
  }
  return result.summary.violations > 0 ? 1 : 0;
};

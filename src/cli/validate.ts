import * as E from "fp-ts/lib/Either.js";
import { didYouMean, findId } from "../catalog/closestIds.js";
import { WORKLOADS, type WorkloadId } from "../catalog/workloads.js";
import { loadMeasuredRuns, type MeasuredFormat } from "../measured/loadRuns.js";
import { formatRowError } from "../measured/loadResult.js";
import { validate, validationCsv } from "../measured/validate.js";
import { EXIT } from "./exitCodes.js";
import type { CliIo } from "./io.js";

const FORMATS: readonly MeasuredFormat[] = ["mlenergy", "inferencex", "llm-energy-measure", "telemetry"];
const WORKLOAD_IDS: readonly string[] = Object.keys(WORKLOADS);
const pct = (x: number | undefined): string => (x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);

/** Options of `tpf validate`. */
export interface ValidateOptions {
  /** The file's format; default detected from its name and fields. */
  readonly format?: string;
  /** Workload preset for runs without token counts (default chat). */
  readonly preset?: string;
  /** How to print. */
  readonly output: "table" | "json" | "csv";
}

/**
 * `tpf validate <file>`: measured runs against the bound and the estimate; exit 1 when a run
 * beats its bound. A file of which no row maps to a scenario is bad input: one summary line
 * (how many rows, the first reason), exit 2, instead of a warning per row.
 * @example await runValidate("runs.csv", { output: "table" }, io)
 */
export const runValidate = async (path: string | undefined, options: ValidateOptions, io: CliIo): Promise<number> => {
  if (path === undefined) {
    io.err("tpf: expected one file of measured runs");
    return EXIT.badInput;
  }
  const { format } = options;
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    io.err(`--format: expected one of ${FORMATS.join(", ")}, got ${JSON.stringify(format)}${didYouMean(FORMATS, format)}`);
    return EXIT.badInput;
  }
  const preset = findId(WORKLOAD_IDS, options.preset ?? "chat");
  if (preset === undefined) {
    io.err(`--preset: expected one of ${WORKLOAD_IDS.join(", ")}, got ${JSON.stringify(options.preset)}${didYouMean(WORKLOAD_IDS, options.preset ?? "")}`);
    return EXIT.badInput;
  }
  let data: Uint8Array;
  try {
    data = io.readBytes === undefined ? new TextEncoder().encode(io.readText(path)) : io.readBytes(path);
  } catch (error) {
    io.err(`tpf: cannot read ${JSON.stringify(path)}: ${error instanceof Error ? error.message.split("\n")[0] : "read failed"}`);
    return EXIT.badInput;
  }
  const loaded = await loadMeasuredRuns(path, data, format as MeasuredFormat | undefined);
  if (E.isLeft(loaded)) {
    // Name the file: a reader's own message ("parquet: Offset is outside the bounds …") does not.
    const message = loaded.left.message;
    io.err(message.includes(path) ? message : `${JSON.stringify(path)}: ${message}`);
    return EXIT.badInput;
  }
  const result = validate(loaded.right.runs, preset as WorkloadId);
  const s = result.summary;
  if (s.mapped === 0) {
    const skipped = new Set(loaded.right.errors.map((e) => e.row)).size;
    const firstError = loaded.right.errors[0];
    const firstUnmapped = result.runs.find((r) => !r.mapped)?.reason?.split("\n")[0];
    const reason = firstError !== undefined ? formatRowError(firstError) : firstUnmapped;
    io.err(
      `tpf validate: no run in ${JSON.stringify(path)} maps to a scenario (${skipped} rows unreadable, ${s.runs} runs not mapped)${reason === undefined ? "" : `; first problem: ${reason}`}`,
    );
    return EXIT.badInput;
  }
  for (const error of loaded.right.errors) io.err(`warning: ${formatRowError(error)} (row skipped)`);
  for (const warning of loaded.right.warnings) io.err(`warning: ${warning}`);
  if (options.output === "json") io.out(JSON.stringify({ format: loaded.right.format, ...result }, null, 2));
  else if (options.output === "csv") io.out(validationCsv(result));
  else {
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
  return s.violations > 0 ? EXIT.boundViolated : EXIT.ok;
};

import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { readInferenceX, measuredFromInferenceX } from "./inferenceX.js";
import { aggregateProcesses, measuredFromLlmEnergyMeasure } from "./llmEnergyMeasure.js";
import { loadError, type LoadError, type RowError } from "./loadResult.js";
import type { MeasuredRun } from "./measuredRun.js";
import { readMlEnergyCsv, readMlEnergyJson, readMlEnergyParquet } from "./mlenergyLoad.js";
import { measuredFromMlEnergy } from "./mlenergyScenario.js";
import { parseSimpleCsv } from "./mlenergyRun.js";
import { measuredFromTelemetry, readTelemetry } from "./telemetry.js";

/** The measured-data formats the library reads. */
export type MeasuredFormat = "mlenergy" | "inferencex" | "llm-energy-measure" | "telemetry";

/** Runs loaded from one file, with the rows that could not be read and any warnings. */
export interface LoadedRuns {
  /** The format read. */
  readonly format: MeasuredFormat;
  /** The runs, as MeasuredRun. */
  readonly runs: readonly MeasuredRun[];
  /** Rows that could not be read. */
  readonly errors: readonly RowError[];
  /** Warnings of the source's own checks. */
  readonly warnings: readonly string[];
}

const firstRecord = (document: unknown): Record<string, unknown> | undefined => {
  const first = Array.isArray(document) ? document[0] : document;
  return typeof first === "object" && first !== null ? (first as Record<string, unknown>) : undefined;
};

const detectJson = (document: unknown): MeasuredFormat | undefined => {
  if (typeof document === "object" && document !== null && !Array.isArray(document)) {
    if (Array.isArray((document as { runs?: unknown }).runs)) return "mlenergy";
    if (Array.isArray((document as { processes?: unknown }).processes)) return "llm-energy-measure";
  }
  const record = firstRecord(document);
  if (record === undefined) return undefined;
  if ("model_id" in record) return "mlenergy";
  if ("process_index" in record) return "llm-energy-measure";
  if ("avg_power_w" in record || "metrics" in record) return "inferencex";
  if ("power_w" in record) return "telemetry";
  return undefined;
};

const fromJson = (document: unknown, format: MeasuredFormat): E.Either<LoadError, LoadedRuns> => {
  switch (format) {
    case "mlenergy":
      return pipe(readMlEnergyJson(document), E.map((r) => ({ format, runs: r.records.map(measuredFromMlEnergy), errors: r.errors, warnings: [] })));
    case "inferencex":
      return pipe(readInferenceX(document), E.map((r) => ({ format, runs: r.records.map(measuredFromInferenceX), errors: r.errors, warnings: [] })));
    case "telemetry":
      return pipe(readTelemetry(document), E.map((r) => ({ format, runs: r.records.map(measuredFromTelemetry), errors: r.errors, warnings: [] })));
    case "llm-energy-measure": {
      const scenario = (document as { scenario?: unknown } | null)?.scenario;
      return pipe(aggregateProcesses(document), E.map((run) => ({
        format,
        runs: [
          measuredFromLlmEnergyMeasure(
            run,
            typeof scenario === "object" && scenario !== null
              ? (scenario as Record<string, unknown>)
              : { unmapped: "scenario: llm-energy-measure results do not name the deployment; give { processes, scenario }" },
          ),
        ],
        errors: [],
        warnings: run.warnings,
      })));
    }
  }
};

/**
 * Loads measured runs from a file's name and bytes: ML.ENERGY (CSV, JSON, parquet),
 * InferenceX aggregates (JSON), llm-energy-measure results (JSON) or plain telemetry
 * (JSON, CSV). The format comes from the extension and the fields, or from `format`.
 * @example await loadMeasuredRuns("runs.parquet", readFileSync("runs.parquet"))
 */
export const loadMeasuredRuns = async (
  name: string,
  data: Uint8Array,
  format?: MeasuredFormat,
): Promise<E.Either<LoadError, LoadedRuns>> => {
  if (name.endsWith(".parquet")) {
    const result = await readMlEnergyParquet(data);
    return pipe(result, E.map((r) => ({ format: "mlenergy" as const, runs: r.records.map(measuredFromMlEnergy), errors: r.errors, warnings: [] })));
  }
  const text = new TextDecoder().decode(data);
  if (name.endsWith(".csv") || (!text.trimStart().startsWith("[") && !text.trimStart().startsWith("{"))) {
    const rows = parseSimpleCsv(text);
    const header = rows[0] ?? {};
    const chosen = format ?? ("model_id" in header ? "mlenergy" : "power_w" in header ? "telemetry" : undefined);
    if (chosen === "mlenergy") return pipe(readMlEnergyCsv(text), E.map((r) => ({ format: "mlenergy" as const, runs: r.records.map(measuredFromMlEnergy), errors: r.errors, warnings: [] })));
    if (chosen === "telemetry") return fromJson(rows, "telemetry");
    return E.left(loadError("csv: expected an ML.ENERGY LLMRun header (model_id, …) or telemetry (power_w, …)"));
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return E.left(loadError(`json: malformed (${error instanceof Error ? error.message.split("\n")[0] : "parse error"})`));
  }
  const chosen = format ?? detectJson(document);
  if (chosen === undefined) return E.left(loadError("json: cannot tell the format; give --format mlenergy|inferencex|llm-energy-measure|telemetry"));
  return fromJson(document, chosen);
};

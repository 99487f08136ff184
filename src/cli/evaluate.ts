import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../domain/scenario.js";
import { parseScenario } from "../schema/parseScenario.js";
import { formatScenarioError } from "../schema/scenarioError.js";
import { evaluate } from "../tpf/evaluate.js";
import { replicaSourceOf, siteAnswer, type ReplicaSource } from "../planning/siteAnswer.js";
import { EXIT } from "./exitCodes.js";
import { formatEvaluationTable } from "./formatTable.js";
import type { CliIo } from "./io.js";
import { streamJsonArray, streamJsonLines } from "./streamJson.js";

/** How `tpf evaluate` prints: a table, the JSON contract, or JSON lines. */
export type EvaluateFormat = "table" | "json" | "ndjson";

// Problems of a large array are listed up to this many lines, then counted.
const MAX_PROBLEM_LINES = 1000;

/**
 * `tpf evaluate`: parses every scenario first (any problem: exit 2, nothing on standard
 * output), then evaluates and prints them one at a time, so an array of 200k scenarios
 * streams instead of building one output string. Each input document and each parsed
 * scenario is released once used.
 * @example runEvaluate(document, "json", io)
 */
export const runEvaluate = (document: unknown, format: EvaluateFormat, io: CliIo): number => {
  const many = Array.isArray(document);
  const documents: unknown[] = many ? (document as unknown[]) : [document];
  const scenarios: (Scenario | undefined)[] = new Array<Scenario | undefined>(documents.length);
  // Only the table ends with a site answer: whether each document names its replicas (taken as
  // given) or not (the site is filled), read before the documents are released.
  const replicaSources: readonly ReplicaSource[] = format === "table" ? documents.map((d) => replicaSourceOf(d)) : [];
  const problems: string[] = [];
  let problemCount = 0;
  for (let index = 0; index < documents.length; index++) {
    const parsed = parseScenario(documents[index]);
    documents[index] = undefined;
    if (E.isRight(parsed)) {
      scenarios[index] = parsed.right;
      continue;
    }
    const prefix = many ? `[${index}].` : "";
    for (const line of formatScenarioError(parsed.left).split("\n")) {
      problemCount += 1;
      if (problems.length < MAX_PROBLEM_LINES) problems.push(prefix + line);
    }
  }
  if (problemCount > 0) {
    const more = problemCount - problems.length;
    io.err([...problems, ...(more > 0 ? [`… and ${more} more problems`] : [])].join("\n"));
    return EXIT.badInput;
  }
  const take = (index: number): Scenario => {
    const scenario = scenarios[index]!;
    scenarios[index] = undefined;
    return scenario;
  };
  if (format === "ndjson") streamJsonLines(io, scenarios.length, (i) => evaluate(take(i)));
  else if (format === "json" && many) streamJsonArray(io, scenarios.length, (i) => evaluate(take(i)));
  else if (format === "json") io.out(JSON.stringify(evaluate(take(0)), null, 2));
  else {
    for (let i = 0; i < scenarios.length; i++) {
      if (i > 0) io.out("");
      const scenario = take(i);
      const site = siteAnswer(scenario, { replicas: replicaSources[i] ?? "fill-site" });
      io.out(formatEvaluationTable(scenario, evaluate(scenario), site));
    }
  }
  return EXIT.ok;
};

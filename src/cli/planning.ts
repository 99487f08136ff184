import * as E from "fp-ts/lib/Either.js";
import { ACCELERATORS } from "../catalog/accelerators.js";
import { didYouMean, findId } from "../catalog/closestIds.js";
import type { Scenario } from "../domain/scenario.js";
import { crossover } from "../planning/crossover.js";
import { PARAMETERS, PARAMETER_NAMES } from "../planning/parameters.js";
import { plan, scenarioLabel, type PlanTarget } from "../planning/plan.js";
import { planSearch } from "../planning/planSearch.js";
import { PRECISIONS, type Precision } from "../domain/precision.js";
import { parseScenario } from "../schema/parseScenario.js";
import { formatScenarioError } from "../schema/scenarioError.js";
import type { Mode } from "../staves/plant.js";
import { EXIT } from "./exitCodes.js";
import type { CliIo } from "./io.js";
import type { ParsedCommand } from "./parseCommandLine.js";
import { parameterValue } from "./parameterValue.js";
import { outputTokenRate, parseQuantity } from "../units/index.js";

const fail = (io: CliIo, message: string): number => {
  io.err(message);
  return EXIT.badInput;
};

const text = (command: ParsedCommand, name: string): string | undefined => {
  const value = command.values[name];
  return typeof value === "string" ? value : undefined;
};

const modeFlag = (value: string | undefined): E.Either<string, Mode> =>
  value === undefined || value === "estimate" ? E.right("estimate") : value === "bound" ? E.right("bound") : E.left(`--mode: expected bound or estimate, got ${JSON.stringify(value)}`);

const ACCELERATOR_IDS: readonly string[] = Object.keys(ACCELERATORS);

/** A comma list of numbers ("1,2,4"); Left names the flag and the item. */
const numberList = (command: ParsedCommand, flag: string): E.Either<string, number[] | undefined> => {
  const given = text(command, flag);
  if (given === undefined) return E.right(undefined);
  const items = given.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const numbers = items.map(Number);
  const bad = items.find((item, i) => !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(item) || !Number.isFinite(numbers[i]));
  return bad === undefined ? E.right(numbers) : E.left(`--${flag}: expected comma-separated numbers, got ${JSON.stringify(bad)}`);
};

const SEARCH_HEADER = ["scenario and knobs", "replicas × count", "accelerators", "MW at meter", "USD/Mtok", "J/token", "binding"];

/** `tpf plan --search`: the cost/energy Pareto set over the knobs, as a table or JSON. */
const runSearch = (command: ParsedCommand, scenarios: readonly Scenario[], labels: readonly string[], target: PlanTarget, io: CliIo): number => {
  const counts = numberList(command, "counts");
  const concurrencies = numberList(command, "concurrency");
  const precisionText = text(command, "precisions");
  const precisions = precisionText?.split(",").map((s) => s.trim().toLowerCase()).filter((s) => s !== "");
  const unknownPrecision = precisions?.find((p) => !(PRECISIONS as readonly string[]).includes(p));
  const parallelism = text(command, "parallelism");
  const problems = [counts, concurrencies].flatMap((r) => (E.isLeft(r) ? [r.left] : []));
  if (unknownPrecision !== undefined) problems.push(`--precisions: unknown ${JSON.stringify(unknownPrecision)}${didYouMean(PRECISIONS, unknownPrecision)}; expected some of ${PRECISIONS.join(", ")}`);
  if (parallelism !== undefined && parallelism !== "search" && parallelism !== "keep") problems.push(`--parallelism: expected search or keep, got ${JSON.stringify(parallelism)}`);
  if (problems.length > 0) return fail(io, problems.join("\n"));
  const countList = (counts as E.Right<number[] | undefined>).right;
  const concurrencyList = (concurrencies as E.Right<number[] | undefined>).right;
  const result = planSearch(scenarios, target, {
    labels,
    ...(countList === undefined ? {} : { counts: countList }),
    ...(concurrencyList === undefined ? {} : { concurrencies: concurrencyList }),
    ...(precisions === undefined ? {} : { precisions: precisions as Precision[] }),
    ...(parallelism === "search" || parallelism === "keep" ? { parallelism } : {}),
  });
  if (E.isLeft(result)) return fail(io, result.left.message);
  const { pareto, evaluated, feasible } = result.right;
  if (command.values.json === true) {
    io.out(JSON.stringify({ target, evaluated, feasible, pareto }, null, 2));
    return EXIT.ok;
  }
  const rows = pareto.map((c) => [
    c.label, `${c.replicas} × ${c.count}`, String(c.accelerators), (c.meterPower / 1e6).toFixed(3),
    c.usdPerMillionTokens.toFixed(4), c.joulesPerOutputToken.toFixed(3), c.binding,
  ]);
  const widths = SEARCH_HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const table = [SEARCH_HEADER, ...rows].map((cells) => cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd());
  const rate = target.outputTokensPerSecond !== undefined ? `${target.outputTokensPerSecond} output tokens/s` : `${target.requestsPerSecond ?? 0} requests/s`;
  io.out([
    `target: ${rate}; ${evaluated} candidates, ${feasible} meet the targets and fit the site, ${pareto.length} on the cost/energy Pareto set`,
    ...(pareto.length === 0 ? ["no candidate meets the targets within the site; widen the knobs (--counts, --precisions, --concurrency) or the site"] : table),
  ].join("\n"));
  return EXIT.ok;
};

/**
 * `tpf plan`: sizes each option (the scenario, each scenario of an array, each with every
 * accelerator of --accelerators) for the target; rows name their scenario. With --search, the
 * cost/energy Pareto set over count, layout, precision and concurrency (planSearch).
 * @example runPlan(command, document, io)
 */
export const runPlan = (command: ParsedCommand, document: unknown, io: CliIo): number => {
  const tokens = text(command, "target-tokens");
  const requests = text(command, "target-requests");
  if ((tokens === undefined) === (requests === undefined)) return fail(io, "target: give exactly one of --target-tokens, --target-requests");
  // --target-tokens takes a unit string ("2 Mtokens/s") as well as a number of tokens/s.
  const read = tokens !== undefined ? parseQuantity(tokens, outputTokenRate) : E.right(Number(requests));
  const value = E.isRight(read) ? read.right : Number.NaN;
  if (!Number.isFinite(value)) {
    return fail(io, `target: expected ${tokens !== undefined ? "output tokens/s (a number or a unit string such as \"2 Mtokens/s\")" : "requests/s (a number)"}, got ${JSON.stringify(tokens ?? requests)}`);
  }
  const given = text(command, "accelerators")?.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const unknown = (given ?? []).filter((id) => findId(ACCELERATOR_IDS, id) === undefined);
  if (unknown.length > 0) {
    return fail(io, `--accelerators: unknown ${unknown.map((id) => `${id}${didYouMean(ACCELERATOR_IDS, id)}`).join(", ")}; expected some of ${ACCELERATOR_IDS.join(", ")}`);
  }
  const ids = given?.map((id) => findId(ACCELERATOR_IDS, id)!);
  const many = Array.isArray(document);
  const documents: unknown[] = many ? (document as unknown[]) : [document];
  const options: Scenario[] = [];
  const labels: string[] = [];
  const searchLabels: string[] = [];
  const problems: string[] = [];
  documents.forEach((doc, index) => {
    const prefix = many ? `[${index}].` : "";
    const variants = ids === undefined ? [doc] : ids.map((accelerator) => (typeof doc === "object" && doc !== null && !Array.isArray(doc) ? { ...doc, accelerator } : doc));
    for (const variant of variants) {
      const parsed = parseScenario(variant);
      if (E.isLeft(parsed)) {
        problems.push(...formatScenarioError(parsed.left).split("\n").map((line) => prefix + line));
        return;
      }
      options.push(parsed.right);
      labels.push(`${many ? `scenario ${index}: ` : ""}${scenarioLabel(parsed.right)}`);
      searchLabels.push(`${many ? `scenario ${index}: ` : ""}${parsed.right.accelerator.id} · ${parsed.right.model.id}`);
    }
  });
  if (problems.length > 0) return fail(io, [...new Set(problems)].join("\n"));
  const target = tokens !== undefined ? { outputTokensPerSecond: value } : { requestsPerSecond: value };
  if (command.values.search === true) return runSearch(command, options, searchLabels, target, io);
  const searchOnly = ["counts", "precisions", "concurrency", "parallelism"].filter((flag) => command.values[flag] !== undefined);
  if (searchOnly.length > 0) return fail(io, `${searchOnly.map((f) => `--${f}`).join(", ")}: only with --search`);
  const result = plan(options, target, { labels });
  if (E.isLeft(result)) return fail(io, result.left.message);
  if (command.values.json === true) {
    io.out(JSON.stringify(result.right, null, 2));
    return EXIT.ok;
  }
  const width = Math.max(...result.right.options.map((o) => o.label.length));
  const lines = result.right.options.map((o) =>
    o.feasible
      ? `${o.label.padEnd(width)}  ${String(o.replicas).padStart(7)} × ${o.count} = ${String(o.accelerators).padStart(8)} accelerators, ${String(o.nodes).padStart(6)} nodes, ${(o.meterPower / 1e6).toFixed(3)} MW at the meter, binding ${o.binding}, ${o.usdPerHour.total.toFixed(0)} USD/h${o.fitsSite === false ? " — exceeds the scenario's site (delivered power or cooling)" : ""}`
      : `${o.label.padEnd(width)}  infeasible: ${o.reason ?? ""}`,
  );
  io.out([`target: ${tokens !== undefined ? `${value} output tokens/s` : `${value} requests/s`}`, ...lines, `cheapest: ${result.right.cheapest?.label ?? "none"}`].join("\n"));
  return EXIT.ok;
};

/**
 * `tpf crossover`: the value of a parameter at which the binding stave changes.
 * @example runCrossover(command, document, io)
 */
export const runCrossover = (command: ParsedCommand, document: unknown, io: CliIo): number => {
  const name = text(command, "parameter");
  if (name === undefined) return fail(io, "--parameter: required (tpf list parameters)");
  const parameter = PARAMETERS[name];
  if (parameter === undefined) return fail(io, `--parameter: unknown ${JSON.stringify(name)}${didYouMean(PARAMETER_NAMES, name)}; expected one of ${PARAMETER_NAMES.join(", ")}`);
  const bound = (flag: "low" | "high"): E.Either<string, number> => {
    const given = text(command, flag);
    if (given === undefined) return E.left(`--${flag}: required`);
    const parsed = parameterValue(name, /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(given.trim()) ? Number(given) : given);
    return E.isLeft(parsed) ? E.left(`--${flag}: ${parsed.left}`) : parsed;
  };
  const low = bound("low");
  const high = bound("high");
  const mode = modeFlag(text(command, "mode"));
  const problems = [low, high, mode].flatMap((r) => (E.isLeft(r) ? [r.left] : []));
  if (problems.length > 0) return fail(io, problems.join("\n"));
  const scenario = parseScenario(document);
  if (E.isLeft(scenario)) return fail(io, formatScenarioError(scenario.left));
  const result = crossover(scenario.right, name, { low: (low as E.Right<number>).right, high: (high as E.Right<number>).right }, (mode as E.Right<Mode>).right);
  if (E.isLeft(result)) return fail(io, result.left.message);
  if (command.values.json === true) io.out(JSON.stringify(result.right, null, 2));
  else if (result.right.found) {
    io.out(`${name}: ${result.right.before} binds below ${result.right.value.toPrecision(6)} ${parameter.unit}, ${result.right.after} above (${result.right.method})`);
  } else io.out(`${name}: ${result.right.binding} binds over the whole range`);
  return EXIT.ok;
};

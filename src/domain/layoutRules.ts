import type { Model } from "./model.js";
import type { Parallelism } from "./scenario.js";

/** A problem with a layout: the field it concerns ("parallelism.expert") and what was expected. */
export interface LayoutProblem {
  /** Field path in the scenario JSON. */
  readonly path: string;
  /** What was expected, with the value given. */
  readonly message: string;
}

/**
 * The rules a replica's layout obeys, in one place: parseScenario checks a given layout with
 * them and planSearch enumerates only layouts that pass. tensor × pipeline × data = count;
 * the expert degree divides count; experts only for an MoE model; data-parallel attention only
 * with expert parallelism (without it, data parallelism is replicas); at most one pipeline
 * stage per layer. An empty list means the layout is valid.
 * @example layoutProblems({ tensor: 4, expert: 1, pipeline: 2, data: 1 }, 8, MODELS["llama-3.1-70b"]) // []
 */
export const layoutProblems = (layout: Parallelism, count: number, model: Model): LayoutProblem[] => {
  const { tensor, expert, pipeline, data } = layout;
  const problems: LayoutProblem[] = [];
  if (tensor * pipeline * data !== count) {
    problems.push({ path: "parallelism", message: `expected tensor × pipeline × data = count (${count}), got ${tensor} × ${pipeline} × ${data} = ${tensor * pipeline * data}` });
  }
  if (expert > count || count % expert !== 0) {
    problems.push({ path: "parallelism.expert", message: `expected an expert-parallel degree dividing count (${count}), got ${expert}` });
  }
  if (expert > 1 && model.experts === undefined) {
    problems.push({ path: "parallelism.expert", message: `expected 1 for a dense model (${model.id} has no experts), got ${expert}` });
  }
  if (data > 1 && expert === 1) {
    problems.push({ path: "parallelism.data", message: "expected 1 without expert parallelism (independent copies of the model are replicas)" });
  }
  if (pipeline > model.layers) {
    problems.push({ path: "parallelism.pipeline", message: `expected at most the model's ${model.layers} layers, got ${pipeline}` });
  }
  return problems;
};

import type { Evaluation } from "../../tpf/result.js";
import { STAVE_NAMES } from "../../staves/plant.js";
import { base, type VegaLiteSpec } from "./spec.js";

/**
 * The "wooden barrel": every stave's ceiling (output tokens/s, log scale) as a bar, for the
 * estimate and the bound, with the binding stave marked.
 * @example await renderSvg(stavesChart(evaluate(scenario)))
 */
export const stavesChart = (evaluation: Evaluation, title = "Staves: ceilings on output tokens/s"): VegaLiteSpec => {
  const values = (["estimate", "bound"] as const).flatMap((mode) =>
    STAVE_NAMES.flatMap((stave) => {
      const ceiling = evaluation[mode].ceilings[stave];
      return ceiling === undefined || !(ceiling > 0) ? [] : [{ mode, stave, ceiling, role: stave === evaluation[mode].binding ? "binding" : "slack" }];
    }),
  );
  // Bars on a log scale need a finite baseline: the decade below the smallest ceiling.
  const floor = 10 ** Math.floor(Math.log10(Math.min(...values.map((v) => v.ceiling), 1)));
  return {
    ...base(title, 520, 260),
    data: { values: values.map((v) => ({ ...v, floor })) },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "stave", type: "nominal", sort: [...STAVE_NAMES], title: null },
      yOffset: { field: "mode", type: "nominal", sort: ["estimate", "bound"] },
      x: { field: "ceiling", type: "quantitative", scale: { type: "log" }, title: "ceiling (output tokens/s, log scale)" },
      x2: { field: "floor" },
      color: { field: "role", type: "nominal", scale: { domain: ["binding", "slack"], range: ["#d62728", "#9ecae1"] }, title: null },
      opacity: { field: "mode", type: "ordinal", sort: ["estimate", "bound"], scale: { domain: ["estimate", "bound"], range: [1, 0.45] }, title: "mode" },
    },
  };
};

import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../../domain/scenario.js";
import type { Lever } from "../../levers/lever.js";
import { evaluate } from "../../tpf/evaluate.js";
import { base, type VegaLiteSpec } from "./spec.js";

/** What the waterfall measures. */
export type WaterfallMetric = "tokens/s" | "J/token";

const labelOf = (s: { start: number; end: number; kind: string }): string => {
  const show = (x: number) => Number(x.toPrecision(3)).toString();
  if (s.kind === "total") return show(s.end);
  const change = s.end - s.start;
  return change === 0 ? "±0" : `${change > 0 ? "+" : "−"}${show(Math.abs(change))}`;
};

/**
 * Lever waterfall: tokens/s (or facility J/output token) from the baseline through each lever
 * applied in order (each step includes the ones before it), as floating bars of the change.
 * @example waterfallChart(scenario, [quantization({ weights: "fp8" }), kvCompression({ ratio: 4 })])
 */
export const waterfallChart = (scenario: Scenario, levers: readonly Lever[], metric: WaterfallMetric = "tokens/s"): VegaLiteSpec => {
  const measure = (s: Scenario): number => {
    const e = evaluate(s).estimate;
    return metric === "tokens/s" ? e.outputTokensPerSecond : (e.joulesPerOutputToken?.facility ?? 0);
  };
  const steps: { step: string; order: number; start: number; end: number; kind: string; label?: string }[] = [];
  let current = scenario;
  let value = measure(current);
  steps.push({ step: "baseline", order: 0, start: 0, end: value, kind: "total" });
  levers.forEach((lever, i) => {
    const next = lever.apply(current);
    if (E.isLeft(next)) {
      steps.push({ step: `${lever.id} (cannot act)`, order: i + 1, start: value, end: value, kind: "skipped" });
      return;
    }
    const nextValue = measure(next.right);
    const better = metric === "tokens/s" ? nextValue >= value : nextValue <= value;
    steps.push({ step: lever.id, order: i + 1, start: value, end: nextValue, kind: better ? "gain" : "loss" });
    current = next.right;
    value = nextValue;
  });
  steps.push({ step: "with all levers", order: levers.length + 1, start: 0, end: value, kind: "total" });
  return {
    ...base(`Lever waterfall: ${metric === "tokens/s" ? "output tokens/s" : "J per output token (facility)"}`, 560, 300),
    data: { values: steps.map((s) => ({ ...s, label: labelOf(s) })) },
    encoding: {
      x: { field: "step", type: "nominal", sort: { field: "order" }, title: null, axis: { labelAngle: -30, labelLimit: 200 } },
    },
    layer: [
      {
        mark: { type: "bar", tooltip: true },
        encoding: {
          y: { field: "start", type: "quantitative", title: metric === "tokens/s" ? "output tokens/s" : "J per output token" },
          y2: { field: "end" },
          color: { field: "kind", type: "nominal", scale: { domain: ["total", "gain", "loss", "skipped"], range: ["#4c78a8", "#54a24b", "#e45756", "#bab0ac"] }, title: null },
        },
      },
      {
        mark: { type: "text", dy: -6, fontSize: 10 },
        encoding: { y: { field: "end", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  };
};

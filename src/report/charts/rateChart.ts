import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../../domain/scenario.js";
import { crossover } from "../../planning/crossover.js";
import { PARAMETERS } from "../../planning/parameters.js";
import { evaluateMode } from "../../tpf/evaluate.js";
import { base, type VegaLiteSpec } from "./spec.js";

/** The inputs rateChart can put on its x axis. */
export type RateAxis = "facility.deliveredPower" | "facility.pue" | "count";

const RANGES: Readonly<Record<RateAxis, (s: Scenario) => [number, number]>> = {
  "facility.deliveredPower": (s) => {
    const p = s.facility.deliveredPower ?? 1e6;
    return [p / 1000, p * 10];
  },
  "facility.pue": () => [1, 2.5],
  count: (s) => [1, Math.max(16, s.count * 4)],
};

/**
 * Estimate output tokens/s against delivered power (or PUE, or accelerators per replica),
 * points colored by the binding stave, with the crossover marked by a rule.
 * @example rateChart(scenario, "facility.pue")
 */
export const rateChart = (scenario: Scenario, axis: RateAxis = "facility.deliveredPower", points = 60): VegaLiteSpec => {
  const parameter = PARAMETERS[axis]!;
  const [low, high] = RANGES[axis](scenario);
  const logarithmic = axis === "facility.deliveredPower";
  const values = Array.from({ length: points }, (_, i) => {
    const t = i / (points - 1);
    const raw = logarithmic ? low * (high / low) ** t : low + (high - low) * t;
    const x = parameter.integer ? Math.round(raw) : raw;
    const r = evaluateMode(parameter.set(scenario, x), "estimate");
    return { x, rate: r.outputTokensPerSecond, binding: r.binding };
  });
  const found = crossover(scenario, axis, { low, high });
  const rules = E.isRight(found) && found.right.found ? [{ x: found.right.value, label: `${found.right.before} → ${found.right.after}` }] : [];
  const xTitle = axis === "facility.deliveredPower" ? "delivered power (W)" : axis === "facility.pue" ? "PUE" : "accelerators per replica";
  return {
    ...base(`Output tokens/s against ${xTitle}`),
    layer: [
      {
        data: { values },
        mark: { type: "line", color: "#888", strokeWidth: 1 },
        encoding: {
          x: { field: "x", type: "quantitative", scale: logarithmic ? { type: "log" } : {}, title: xTitle },
          y: { field: "rate", type: "quantitative", title: "output tokens/s (estimate)" },
        },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 40, tooltip: true },
        encoding: {
          x: { field: "x", type: "quantitative", scale: logarithmic ? { type: "log" } : {} },
          y: { field: "rate", type: "quantitative" },
          color: { field: "binding", type: "nominal", title: "binding stave" },
        },
      },
      {
        data: { values: rules },
        mark: { type: "rule", strokeDash: [4, 3], color: "#d62728" },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
      {
        data: { values: rules },
        mark: { type: "text", align: "left", dx: 4, dy: -120, color: "#d62728" },
        encoding: { x: { field: "x", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  };
};

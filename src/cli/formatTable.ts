import type { Evaluation, ModeResult } from "../tpf/result.js";
import { STAVE_NAMES } from "../staves/plant.js";
import {
  computeRate,
  energyPerOutputToken,
  energyPerTotalToken,
  formatQuantity,
  outputTokenRate,
  power,
  type JoulesPerOutputToken,
  type JoulesPerTotalToken,
  type OutputTokensPerSecond,
} from "../units/index.js";
import type { Scenario } from "../domain/scenario.js";
import type { SiteAnswer } from "../planning/siteAnswer.js";

const pad = (text: string, width: number): string => text.padEnd(width);
const rate = (value: number): string => formatQuantity(value as OutputTokensPerSecond, outputTokenRate);

const staveLines = (result: ModeResult): string[] =>
  STAVE_NAMES.flatMap((name) => {
    const ceiling = result.ceilings[name];
    if (ceiling === undefined) return [];
    const slack = result.slack[name];
    const mark = name === result.binding ? "  ← binding" : slack === undefined ? "" : `  slack ×${slack.toPrecision(3)}`;
    return [`    ${pad(name, 18)} ${pad(rate(ceiling), 18)}${mark}`];
  });

const energyLines = (result: ModeResult): string[] => {
  const out = result.joulesPerOutputToken;
  const total = result.joulesPerTotalToken;
  if (out === null || total === null) return ["  energy: n/a (no output)"];
  const j = (v: number) => formatQuantity(v as JoulesPerOutputToken, energyPerOutputToken);
  const jt = (v: number) => formatQuantity(v as JoulesPerTotalToken, energyPerTotalToken);
  return [
    "  J per output token   accelerator " + pad(j(out.accelerator), 16) + "IT " + pad(j(out.it), 16) + "facility " + j(out.facility),
    "  J per total token    accelerator " + pad(jt(total.accelerator), 16) + "IT " + pad(jt(total.it), 16) + "facility " + jt(total.facility),
    `  accelerator energy drawn while idle ${((result.idleEnergyShare ?? 0) * 100).toFixed(1)}%${result.idleDominated ? " (idle-dominated)" : ""}`,
    `  gCO2e per 1k output tokens (${result.carbonBasis}-based) ${((result.gramsCo2ePerOutputToken ?? 0) * 1000).toPrecision(3)}`,
    `  USD per M output tokens: energy ${(result.usdPerMillionOutputTokens?.energy ?? 0).toPrecision(3)}, accelerator-hours ${(result.usdPerMillionOutputTokens?.acceleratorHours ?? 0).toPrecision(3)}`,
  ];
};

const modeBlock = (title: string, result: ModeResult): string[] => [
  `${title}: ${rate(result.outputTokensPerSecond)} output, ${result.requestsPerSecond.toPrecision(3)} requests/s, binding ${result.binding}` +
    (result.feasible ? "" : ` — INFEASIBLE: ${result.infeasibleReason ?? ""}`),
  `  effective batch ${result.effectiveBatch.toPrecision(4)}; K_eff ${formatQuantity(result.paperForm.effectiveCompute, computeRate)}, implied Φ ${result.paperForm.impliedPhi.toPrecision(3)}`,
  "  staves (output tokens/s):",
  ...staveLines(result),
  ...energyLines(result),
];

const count = (value: number): string => (value >= 1e4 ? value.toExponential(3) : value.toPrecision(4).replace(/\.?0+$/, ""));

/**
 * The whole site's answer: the estimate block above is one scenario (one replica unless the
 * scenario names `replicas`), which a planner would otherwise read as the site's output.
 */
const siteBlock = (answer: SiteAnswer): string[] => {
  const how =
    answer.replicaSource === "fill-site"
      ? "as many as the site's power and cooling feed"
      : "as the scenario names";
  const used = answer.deliveredPowerUsed === undefined ? "" : `, ${(answer.deliveredPowerUsed * 100).toFixed(1)}% of delivered power`;
  const slack = Object.entries(answer.slack)
    .filter(([name]) => name !== answer.binding)
    .map(([name, value]) => `${name} ×${(value ?? 0).toPrecision(3)}`)
    .join(", ");
  return [
    `site: ${answer.replicas} replica${answer.replicas === 1 ? "" : "s"} (${how}), ${answer.accelerators} accelerators` +
      (answer.feasible ? "" : " — INFEASIBLE"),
    `  ${rate(answer.outputTokensPerSecond)} output (${count(answer.outputTokensPerDay)} tokens/day), ${answer.requestsPerSecond.toPrecision(3)} requests/s (${count(answer.requestsPerDay)}/day)`,
    `  binding ${answer.binding}${answer.siteBound ? " (the site's power or cooling binds)" : ""}${slack === "" ? "" : `; slack ${slack}`}`,
    `  K_eff ${formatQuantity(answer.effectiveCompute, computeRate)}; average facility power ${formatQuantity(answer.averagePower.facility, power)}${used}`,
    `  per day: ${(answer.gramsCo2ePerDay / 1000).toPrecision(3)} kgCO2e, USD ${answer.usdPerDay.total.toPrecision(4)} (energy ${answer.usdPerDay.energy.toPrecision(3)}, accelerator-hours ${answer.usdPerDay.acceleratorHours.toPrecision(3)})`,
  ];
};

/**
 * A readable table of an evaluation, for the terminal; with a site answer (`siteAnswer`, the
 * same function the explorer uses) it ends with what the whole site produces, draws and costs.
 */
export const formatEvaluationTable = (scenario: Scenario, evaluation: Evaluation, site?: SiteAnswer): string =>
  [
    `${scenario.replicas > 1 ? `${scenario.replicas} × ` : ""}${scenario.count} × ${scenario.accelerator.id} · ${scenario.model.id} (${scenario.precision.weights} weights, ${scenario.precision.compute} compute) · workload ${scenario.workload.id} (${scenario.workload.inputTokens} in / ${scenario.workload.outputTokens} out, concurrency ${scenario.workload.concurrency})`,
    `facility: ${scenario.facility.deliveredPower === undefined ? "no delivered-power limit" : formatQuantity(scenario.facility.deliveredPower, power)}, PUE ${scenario.facility.pue}` +
      (scenario.facility.coolingCapacity === undefined ? "" : `, cooling ${formatQuantity(scenario.facility.coolingCapacity, power)}`),
    "",
    ...modeBlock(`bound (physical ceiling${scenario.replicas > 1 ? "" : ", one replica"})`, evaluation.bound),
    "",
    ...modeBlock(`estimate (U = ${scenario.utilization}${scenario.replicas > 1 ? "" : ", one replica"})`, evaluation.estimate),
    ...(site === undefined ? [] : ["", ...siteBlock(site)]),
  ].join("\n");

// The explorer page: a form that builds a scenario document, evaluated by the library itself.
import * as E from "fp-ts/lib/Either.js";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import {
  ACCELERATOR_IDS,
  MODEL_IDS,
  WORKLOAD_IDS,
  PRECISIONS,
  compareLevers,
  evaluate,
  parseLevers,
  parseScenario,
  rateChart,
  stavesChart,
  type VegaLiteSpec,
} from "../../src/index.js";
import { preloadUnits } from "../../src/units/index.js";

/** Lever toggles: each a lever spec as the scenario JSON's `levers` field takes it. */
const LEVERS: readonly { id: string; label: string; spec: Record<string, unknown> }[] = [
  { id: "fp8", label: "fp8 weights and compute", spec: { kind: "quantization", weights: "fp8", compute: "fp8" } },
  { id: "kv4", label: "KV-cache compression 4×", spec: { kind: "kv-compression", ratio: 4 } },
  { id: "sparse", label: "sparse attention, top 2048", spec: { kind: "sparse-attention", topK: 2048 } },
  { id: "spec", label: "speculative decoding (8B draft, α 0.7, k 4)", spec: { kind: "speculative-decoding", acceptanceRate: 0.7, draftLength: 4, draftModel: "llama-3.1-8b" } },
  { id: "cap", label: "power cap 600 W", spec: { kind: "power-cap", maxPower: "600 W" } },
  { id: "batch", label: "batching, concurrency 256", spec: { kind: "batching", concurrency: 256 } },
  { id: "pue", label: "liquid cooling, PUE 1.1", spec: { kind: "facility", pue: 1.1 } },
  { id: "route", label: "route 30% to llama-3.1-8b (Δq −0.1)", spec: { kind: "routing", share: 0.3, model: "llama-3.1-8b", modelQualityDelta: -0.1 } },
  { id: "adaptive", label: "difficulty-adaptive reasoning (−22.4% tokens)", spec: { kind: "adaptive-reasoning", outputFactor: 0.776 } },
  { id: "kv8", label: "fp8 KV cache", spec: { kind: "quantization", kv: "fp8" } },
];

interface Field {
  readonly name: string;
  readonly label: string;
  readonly kind: "select" | "text" | "number";
  readonly options?: readonly string[];
  readonly initial: string;
}

const FIELDS: readonly Field[] = [
  { name: "accelerator", label: "accelerator", kind: "select", options: ACCELERATOR_IDS, initial: "H100-SXM" },
  { name: "count", label: "accelerators per replica", kind: "number", initial: "8" },
  { name: "model", label: "model", kind: "select", options: MODEL_IDS, initial: "llama-3.1-70b" },
  { name: "precision", label: "weight precision", kind: "select", options: PRECISIONS, initial: "fp8" },
  { name: "workload", label: "workload preset", kind: "select", options: WORKLOAD_IDS, initial: "chat" },
  { name: "concurrency", label: "concurrency (sequences)", kind: "text", initial: "64" },
  { name: "deliveredPower", label: "delivered power", kind: "text", initial: "1 MW" },
  { name: "pue", label: "PUE", kind: "text", initial: "1.2" },
  { name: "coolingCapacity", label: "cooling capacity (empty: none)", kind: "text", initial: "" },
  { name: "utilization", label: "utilization U", kind: "text", initial: "1" },
  { name: "ttft", label: "TTFT target (empty: none)", kind: "text", initial: "" },
  { name: "tpot", label: "TPOT target (empty: none)", kind: "text", initial: "50 ms" },
];

/** Where each field's value lands in the scenario document (for error messages by path). */
const PATH_OF: Readonly<Record<string, string>> = {
  accelerator: "accelerator", count: "count", model: "model", precision: "precision", workload: "workload",
  concurrency: "workload.concurrency", deliveredPower: "facility.deliveredPower", pue: "facility.pue",
  coolingCapacity: "facility.coolingCapacity", utilization: "utilization", ttft: "targets.ttft", tpot: "targets.tpot",
};

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = $<HTMLFormElement>("inputs");

const numberOr = (text: string): string | number => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()) ? Number(text) : text);

const buildForm = (): void => {
  for (const field of FIELDS) {
    const label = document.createElement("label");
    label.textContent = field.label;
    label.htmlFor = `field-${field.name}`;
    let input: HTMLInputElement | HTMLSelectElement;
    if (field.kind === "select") {
      const select = document.createElement("select");
      for (const option of field.options ?? []) select.add(new Option(option, option));
      input = select;
    } else {
      const text = document.createElement("input");
      text.type = field.kind;
      input = text;
    }
    input.id = `field-${field.name}`;
    input.name = field.name;
    input.value = field.initial;
    const error = document.createElement("p");
    error.className = "error";
    error.id = `error-${field.name}`;
    form.append(label, input, error);
    if (field.name === "deliveredPower") {
      const slider = document.createElement("input");
      slider.type = "range";
      slider.id = "slider-deliveredPower";
      slider.min = "2";
      slider.max = "8";
      slider.step = "0.05";
      slider.value = "6";
      slider.setAttribute("aria-label", "delivered power, log10 W");
      slider.addEventListener("input", () => {
        (input as HTMLInputElement).value = `${Number((10 ** Number(slider.value)).toPrecision(3))} W`;
        update();
      });
      form.append(slider);
    }
  }
  const levers = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = "levers";
  levers.append(legend);
  for (const lever of LEVERS) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `lever-${lever.id}`;
    box.name = `lever-${lever.id}`;
    label.append(box, document.createTextNode(lever.label));
    levers.append(label);
  }
  form.append(levers);
  form.addEventListener("input", () => update());
  form.addEventListener("change", () => update());
};

const value = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement).value;

/** The scenario document the form describes: exactly what `tpf evaluate` accepts. */
const documentOfForm = (): Record<string, unknown> => {
  const facility: Record<string, unknown> = { deliveredPower: numberOr(value("deliveredPower")), pue: numberOr(value("pue")) };
  if (value("coolingCapacity").trim() !== "") facility.coolingCapacity = numberOr(value("coolingCapacity"));
  const targets: Record<string, unknown> = {};
  if (value("ttft").trim() !== "") targets.ttft = numberOr(value("ttft"));
  if (value("tpot").trim() !== "") targets.tpot = numberOr(value("tpot"));
  const levers = LEVERS.filter((l) => ($<HTMLInputElement>(`lever-${l.id}`)).checked).map((l) => l.spec);
  return {
    accelerator: value("accelerator"),
    count: numberOr(value("count")),
    model: value("model"),
    precision: value("precision"),
    workload: { preset: value("workload"), concurrency: numberOr(value("concurrency")) },
    facility,
    utilization: numberOr(value("utilization")),
    ...(Object.keys(targets).length === 0 ? {} : { targets }),
    ...(levers.length === 0 ? {} : { levers }),
  };
};

/** Fills the form from a scenario document (the subset the form can show). */
const fillForm = (doc: Record<string, unknown>): void => {
  const set = (name: string, v: unknown) => {
    if (v !== undefined && v !== null) (form.elements.namedItem(name) as HTMLInputElement).value = String(v);
  };
  const workload = typeof doc.workload === "string" ? { preset: doc.workload } : (doc.workload as Record<string, unknown> | undefined) ?? {};
  const facility = (typeof doc.facility === "object" && doc.facility !== null ? doc.facility : {}) as Record<string, unknown>;
  const targets = (doc.targets ?? {}) as Record<string, unknown>;
  const precision = typeof doc.precision === "string" ? doc.precision : (doc.precision as { weights?: string } | undefined)?.weights;
  set("accelerator", doc.accelerator);
  set("count", doc.count);
  set("model", doc.model);
  set("precision", precision);
  set("workload", workload.preset);
  set("concurrency", workload.concurrency);
  set("deliveredPower", facility.deliveredPower);
  set("pue", facility.pue);
  (form.elements.namedItem("coolingCapacity") as HTMLInputElement).value = facility.coolingCapacity === undefined ? "" : String(facility.coolingCapacity);
  set("utilization", doc.utilization ?? 1);
  (form.elements.namedItem("ttft") as HTMLInputElement).value = targets.ttft === undefined ? "" : String(targets.ttft);
  (form.elements.namedItem("tpot") as HTMLInputElement).value = targets.tpot === undefined ? "" : String(targets.tpot);
  const active = new Set(((doc.levers as Record<string, unknown>[] | undefined) ?? []).map((l) => JSON.stringify(l)));
  for (const lever of LEVERS) $<HTMLInputElement>(`lever-${lever.id}`).checked = active.has(JSON.stringify(lever.spec));
};

const render = async (target: string, spec: VegaLiteSpec): Promise<void> => {
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "svg", container: `#${target}`, hover: true });
  await view.runAsync();
};

const cell = (text: string): HTMLTableCellElement => {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
};
const fmt = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined ? "—" : Number(x.toPrecision(digits)).toLocaleString("en-US"));

let pending = 0;
const update = (): void => {
  const ticket = ++pending;
  const doc = documentOfForm();
  for (const field of FIELDS) $(`error-${field.name}`).textContent = "";
  const parsed = parseScenario(doc);
  const levers = parseLevers(doc.levers);
  if (E.isLeft(parsed)) {
    for (const issue of parsed.left.issues) {
      const field = Object.entries(PATH_OF).find(([, path]) => issue.path === path || issue.path.startsWith(`${path}.`))?.[0];
      const target = field === undefined ? $("status") : $(`error-${field}`);
      target.textContent = `${issue.path}: ${issue.message}`;
    }
    $("status").textContent = "Fix the fields marked in red.";
    return;
  }
  if (E.isLeft(levers)) {
    $("status").textContent = levers.left.map((i) => `${i.path}: ${i.message}`).join("\n");
    return;
  }
  const scenario = parsed.right;
  const result = evaluate(scenario);
  const e = result.estimate;
  $("status").textContent = e.feasible ? "" : `Infeasible: ${e.infeasibleReason ?? ""}`;
  $("binding").textContent = `Binding stave: ${e.binding} (estimate ${fmt(e.outputTokensPerSecond)} output tokens/s; bound ${fmt(result.bound.outputTokensPerSecond)}, binding ${result.bound.binding})`;
  $("binding").dataset.binding = e.binding;

  const energy = $<HTMLTableElement>("energy");
  energy.replaceChildren();
  const head = energy.insertRow();
  for (const h of ["J per token", "accelerator", "IT", "facility"]) head.append(Object.assign(document.createElement("th"), { textContent: h }));
  for (const [label, scoped] of [["output token", e.joulesPerOutputToken], ["total token", e.joulesPerTotalToken], ["output token, marginal", e.marginalJoulesPerOutputToken]] as const) {
    const row = energy.insertRow();
    row.append(cell(label), cell(fmt(scoped?.accelerator)), cell(fmt(scoped?.it)), cell(fmt(scoped?.facility)));
  }

  const table = $<HTMLTableElement>("levers");
  table.replaceChildren();
  const header = table.insertRow();
  for (const h of ["lever", "feasible", "tokens/s", "binding", "J/token", "Φ", "quality"]) header.append(Object.assign(document.createElement("th"), { textContent: h }));
  for (const row of compareLevers(scenario, levers.right)) {
    const tr = table.insertRow();
    tr.className = row.feasible ? "feasible" : "infeasible";
    tr.dataset.lever = row.id;
    tr.append(cell(row.id), cell(row.feasible ? "yes" : `no: ${row.reason ?? ""}`), cell(fmt(row.outputTokensPerSecond)), cell(row.bindingAfter), cell(fmt(row.joulesPerOutputToken)), cell(fmt(row.impliedPhi)), cell(fmt(row.quality, 4)));
  }

  const json = JSON.stringify(doc, null, 2);
  $<HTMLTextAreaElement>("scenario-json").value = json;
  history.replaceState(null, "", `#s=${encodeURIComponent(JSON.stringify(doc))}`);
  void (async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ticket !== pending) return;
    $("staves-chart").replaceChildren();
    $("rate-chart").replaceChildren();
    await render("staves-chart", stavesChart(result));
    if (scenario.facility.deliveredPower !== undefined) await render("rate-chart", rateChart(scenario, "facility.deliveredPower", 40));
  })();
};

const loadDocument = (text: string): boolean => {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    $("json-error").textContent = `scenario: malformed JSON (${error instanceof Error ? error.message : "parse error"})`;
    return false;
  }
  const parsed = parseScenario(doc);
  if (E.isLeft(parsed)) {
    $("json-error").textContent = parsed.left.issues.map((i) => `${i.path === "" ? "scenario" : i.path}: ${i.message}`).join("\n");
    return false;
  }
  $("json-error").textContent = "";
  fillForm(doc as Record<string, unknown>);
  update();
  return true;
};

const start = async (): Promise<void> => {
  await preloadUnits();
  buildForm();
  $("copy-json").addEventListener("click", () => {
    const text = JSON.stringify(documentOfForm(), null, 2);
    $<HTMLTextAreaElement>("scenario-json").value = text;
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  });
  $("load-json").addEventListener("click", () => loadDocument($<HTMLTextAreaElement>("scenario-json").value));
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get("s");
  if (fromUrl === null || !loadDocument(fromUrl)) update();
  document.body.dataset.ready = "true";
};

start().catch((error: unknown) => {
  $("status").textContent = `The explorer failed to start: ${error instanceof Error ? error.message : String(error)}`;
});

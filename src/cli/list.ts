import { ACCELERATORS } from "../catalog/accelerators.js";
import { ENGINES, ENGINE_IDS } from "../catalog/engines.js";
import { PRECISIONS } from "../domain/precision.js";
import { describeRange, FIELD_RANGES, RANGE_REASONS, type RangePath } from "../domain/ranges.js";
import { didYouMean } from "../catalog/closestIds.js";
import { FACILITIES } from "../catalog/facilities.js";
import { MODELS } from "../catalog/models.js";
import { acceleratorPrice } from "../catalog/prices.js";
import { WORKLOADS } from "../catalog/workloads.js";
import type { Accelerator } from "../domain/accelerator.js";
import type { Facility } from "../domain/facility.js";
import type { Model } from "../domain/model.js";
import { leverKinds } from "../levers/parseLevers.js";
import { PARAMETERS, PARAMETER_NAMES } from "../planning/parameters.js";
import { EXIT } from "./exitCodes.js";
import type { CliIo } from "./io.js";

/** What `tpf list` lists. */
export const LIST_TOPICS = ["accelerators", "models", "workloads", "facilities", "engines", "levers", "parameters", "fields"] as const;

/** One of LIST_TOPICS. */
export type ListTopic = (typeof LIST_TOPICS)[number];

interface Listing {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly entries: readonly unknown[];
}

const columns = (listing: Listing): string => {
  const widths = listing.header.map((h, i) => Math.max(h.length, ...listing.rows.map((r) => r[i]!.length)));
  return [listing.header, ...listing.rows].map((cells) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
};

const tera = (x: number | undefined): string => (x === undefined ? "—" : (x / 1e12).toFixed(x >= 1e15 ? 0 : 1));
const giga = (x: number): string => (x / 1e9).toFixed(1);
const billions = (x: number): string => `${(x / 1e9).toPrecision(3)}B`;

const accelerators = (): Listing => {
  const all = Object.values(ACCELERATORS) as Accelerator[];
  return {
    header: ["id", "name", "bf16 TFLOP/s", "fp8 TFLOP/s", "fp4 TFLOP/s", "memory GB", "TB/s", "TDP W", "power limit W", "clock MHz", "USD/h", "source (date)"],
    rows: all.map((a) => [
      a.id, a.name, tera(a.peakFlopPerSecond.bf16), tera(a.peakFlopPerSecond.fp8), tera(a.peakFlopPerSecond.fp4),
      giga(a.memoryCapacity), (a.memoryBandwidth / 1e12).toFixed(2), String(a.maxPower),
      `${a.power.powerLimitRange.min}–${a.power.powerLimitRange.max}`, `${a.clock.min / 1e6}–${a.clock.max / 1e6}`,
      acceleratorPrice(a.id)?.usdPerHour.toFixed(2) ?? "preset", `${a.source} (${a.date})`,
    ]),
    entries: all.map((a) => {
      const price = acceleratorPrice(a.id);
      return {
        id: a.id, name: a.name, peakFlopPerSecond: a.peakFlopPerSecond, memoryCapacity: a.memoryCapacity,
        memoryBandwidth: a.memoryBandwidth, maxPower: a.maxPower, idlePower: a.power.idlePower,
        powerLimitRange: { min: a.power.powerLimitRange.min, max: a.power.powerLimitRange.max, grade: a.power.powerLimitSource.grade, source: a.power.powerLimitSource.source },
        clock: { min: a.clock.min, peak: a.clock.peak, max: a.clock.max },
        acceleratorHourPrice: price === undefined ? null : { usdPerHour: price.usdPerHour, basis: price.basis, source: price.source, date: price.date },
        source: a.source, date: a.date,
      };
    }),
  };
};

const models = (): Listing => {
  const all = Object.values(MODELS) as Model[];
  return {
    header: ["id", "name", "total", "active", "layers", "kv heads", "experts", "source (date)"],
    rows: all.map((m) => [
      m.id, m.name, billions(m.totalParameters), billions(m.activeParameters), String(m.layers), String(m.kvHeads),
      m.experts === undefined ? "—" : `${m.experts.active}/${m.experts.total}`, `${m.source} (${m.date})`,
    ]),
    entries: all.map((m) => ({
      id: m.id, name: m.name, totalParameters: m.totalParameters, activeParameters: m.activeParameters, layers: m.layers,
      kvHeads: m.kvHeads, headDim: m.headDim, ...(m.experts === undefined ? {} : { experts: m.experts }), source: m.source, date: m.date,
    })),
  };
};

const workloads = (): Listing => {
  const all = Object.values(WORKLOADS);
  return {
    header: ["id", "input tokens", "output tokens", "concurrency", "source (date)"],
    rows: all.map((w) => [w.id, String(w.inputTokens), String(w.outputTokens), String(w.concurrency), `${w.source} (${w.date})`]),
    entries: all,
  };
};

const facilities = (): Listing => {
  const all = Object.values(FACILITIES) as { facility: Facility; sources: Readonly<Partial<Record<keyof Facility, string>>> }[];
  return {
    header: ["id", "PUE", "accelerators/node", "host W/node", "USD/kWh", "USD/h (fallback)", "PUE source"],
    rows: all.map(({ facility: f, sources }) => [
      f.id, String(f.pue), String(f.acceleratorsPerNode), String(f.hostPowerPerNode), (f.electricityPrice * 3.6e6).toFixed(3),
      (f.acceleratorHourPrice * 3600).toFixed(2), sources.pue ?? "",
    ]),
    entries: all.map(({ facility, sources }) => ({ ...facility, sources })),
  };
};

const levers = (): Listing => {
  const all = leverKinds();
  return {
    header: ["kind", "fields (? = optional)", "what it does"],
    rows: all.map((k) => [k.kind, k.fields.map((f) => `${f.name}${f.required ? "" : "?"}`).join(", "), k.summary]),
    entries: all,
  };
};

const engines = (): Listing => {
  const all = ENGINE_IDS.map((id) => ENGINES[id]);
  const micro = (s: number): string => (s * 1e6).toFixed(1);
  return {
    header: ["id", "name", "layer µs", "expert layer µs", "step µs", "sequence µs", "overlap", "grade", "source (date)"],
    rows: all.map((e) => [e.id, e.name, micro(e.layerLatency), micro(e.expertLayerLatency), micro(e.stepOverhead), micro(e.sequenceOverhead), e.overlap.toFixed(2), e.grade, `${e.source} (${e.date})`]),
    entries: all,
  };
};

const parameters = (): Listing => {
  const all = PARAMETER_NAMES.map((name) => PARAMETERS[name]!);
  return {
    header: ["name", "SI unit", "whole numbers", "range"],
    rows: all.map((p) => [p.name, p.unit, p.integer ? "yes" : "no", describeRange(p.range)]),
    entries: all.map((p) => ({ name: p.name, unit: p.unit, integer: p.integer, range: { ...p.range, text: describeRange(p.range) } })),
  };
};

// Scenario fields: every documented range that is not a lever's, a plan option or uncertain's.
const SCENARIO_FIELD_PATHS = (Object.keys(FIELD_RANGES) as RangePath[]).filter((path) => !/^(levers|plan|uncertain)\./.test(path));
const CHOICES: readonly { readonly path: string; readonly values: readonly string[]; readonly reason: string }[] = [
  { path: "engine", values: ENGINE_IDS, reason: "serving engine whose profile sets the per-step overheads (tpf list engines)" },
  { path: "precision.weights / kv / compute", values: PRECISIONS, reason: "formats of weights, KV cache and tensor cores" },
];

const fields = (): Listing => ({
  header: ["field", "SI unit", "accepted", "why"],
  rows: [
    ...SCENARIO_FIELD_PATHS.map((path) => [path, FIELD_RANGES[path].unit, describeRange(FIELD_RANGES[path]), RANGE_REASONS[path]]),
    ...CHOICES.map((c) => [c.path, "—", `one of ${c.values.join(", ")}`, c.reason]),
  ],
  entries: [
    // JSON has no infinities: an unbounded end is null (and the interval's text says "inf").
    ...SCENARIO_FIELD_PATHS.map((path) => {
      const range = FIELD_RANGES[path];
      return { field: path, ...range, low: Number.isFinite(range.low) ? range.low : null, high: Number.isFinite(range.high) ? range.high : null, text: describeRange(range), reason: RANGE_REASONS[path] };
    }),
    ...CHOICES.map((c) => ({ field: c.path, values: c.values, reason: c.reason })),
  ],
});

const LISTINGS: Readonly<Record<ListTopic, () => Listing>> = { accelerators, models, workloads, facilities, engines, levers, parameters, fields };

/**
 * `tpf list <topic> [--json]`: the catalogs (ids, names, key figures, source and date), the
 * engine profiles, the lever kinds with their fields, the parameter names that sweep,
 * crossover and uncertain take (with their ranges), and every scenario field with the range
 * parseScenario accepts.
 * @example runList("accelerators", false, io)
 */
export const runList = (topic: string | undefined, json: boolean, io: CliIo): number => {
  if (topic === undefined || !(LIST_TOPICS as readonly string[]).includes(topic)) {
    const given = topic === undefined ? "nothing" : `${JSON.stringify(topic)}${didYouMean(LIST_TOPICS, topic)}`;
    io.err(`list: expected one of ${LIST_TOPICS.join(", ")}, got ${given}`);
    return EXIT.badInput;
  }
  const listing = LISTINGS[topic as ListTopic]();
  io.out(json ? JSON.stringify(listing.entries, null, 2) : columns(listing));
  return EXIT.ok;
};

import type { Accelerator, PowerModel } from "../domain/accelerator.js";
import {
  bytes,
  bytesPerSecond,
  flopPerSecond,
  joulesPerByte,
  joulesPerFlop,
  ratio,
  watts,
  type FlopPerSecond,
} from "../units/index.js";
import type { Precision } from "../domain/precision.js";
import { CALIBRATION_DATE, CALIBRATION_SOURCE, FITTED_POWER } from "./calibrated.js";

// Spec values from shared/reference/measurements.md §1 (dense, no 2:4 sparsity; TB/s = 1e12
// B/s; GB = 1e9 B). Each entry names its source. Power models: H100-SXM and B200 are fitted
// on ML.ENERGY v3 runs (calibrated.ts); the others are scaled from the nearest fitted part
// by TDP and dense bf16 peak, and say so.

const T = 1e12;
const peaks = (table: Partial<Record<Precision, number>>): Partial<Record<Precision, FlopPerSecond>> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, flopPerSecond(v * T)]));

const fitted = (id: "H100-SXM" | "B200"): PowerModel => {
  const fit = FITTED_POWER[id];
  return {
    idlePower: watts(fit.idlePowerWatts),
    joulesPerFlop: joulesPerFlop(fit.joulesPerFlop),
    joulesPerByte: joulesPerByte(fit.joulesPerByte),
    boundFraction: ratio(fit.boundFraction),
    source: `${CALIBRATION_SOURCE}; ${fit.runs} runs on ${id}`,
    date: CALIBRATION_DATE,
  };
};

/**
 * A power model scaled from a fitted reference: idle ∝ TDP, J/FLOP ∝ TDP / bf16 peak,
 * J/B unchanged (HBM generation energy per byte is similar). Not measured: an assumption.
 */
const scaledFrom = (
  referenceId: "H100-SXM" | "B200",
  reference: { maxPower: number; bf16: number },
  target: { maxPower: number; bf16: number },
): PowerModel => {
  const base = fitted(referenceId);
  const powerRatio = target.maxPower / reference.maxPower;
  const flopRatio = powerRatio / (target.bf16 / reference.bf16);
  return {
    idlePower: watts(base.idlePower * powerRatio),
    joulesPerFlop: joulesPerFlop(base.joulesPerFlop * flopRatio),
    joulesPerByte: base.joulesPerByte,
    boundFraction: base.boundFraction,
    source: `scaled from the ${referenceId} fit by TDP (×${powerRatio.toFixed(3)}) and TDP/bf16-peak (×${flopRatio.toFixed(3)}); assumption, not measured`,
    date: CALIBRATION_DATE,
  };
};

const H100 = { maxPower: 700, bf16: 989.4 };
const B200 = { maxPower: 1000, bf16: 2250 };

/** The accelerator catalog, by id. */
export const ACCELERATORS = {
  "A100-SXM-80GB": {
    id: "A100-SXM-80GB", name: "NVIDIA A100 SXM4 80GB",
    peakFlopPerSecond: peaks({ fp32: 19.5, bf16: 312, fp16: 312, int8: 624, int4: 1248 }),
    memoryCapacity: bytes(80e9), memoryBandwidth: bytesPerSecond(2.039 * T), maxPower: watts(400),
    power: scaledFrom("H100-SXM", H100, { maxPower: 400, bf16: 312 }),
    source: "NVIDIA A100 datasheet r4 (via glennklockwood.com/garden/processors/A100)", date: "2021-06",
  },
  "H100-SXM": {
    id: "H100-SXM", name: "NVIDIA H100 SXM5 80GB",
    peakFlopPerSecond: peaks({ fp32: 66.9, bf16: 989.4, fp16: 989.4, fp8: 1978.9, int8: 1978.9 }),
    memoryCapacity: bytes(80e9), memoryBandwidth: bytesPerSecond(3.35 * T), maxPower: watts(700),
    power: fitted("H100-SXM"),
    source: "NVIDIA H100 datasheet, dense figures (glennklockwood.com/garden/processors/h100; InferenceX-app gpu-specs.ts)", date: "2023-03",
  },
  "H100-PCIe": {
    id: "H100-PCIe", name: "NVIDIA H100 PCIe 80GB",
    peakFlopPerSecond: peaks({ fp32: 51, bf16: 756, fp16: 756, fp8: 1513, int8: 1513 }),
    memoryCapacity: bytes(80e9), memoryBandwidth: bytesPerSecond(2.0 * T), maxPower: watts(350),
    power: scaledFrom("H100-SXM", H100, { maxPower: 350, bf16: 756 }),
    source: "NVIDIA H100 PCIe product brief PB-11133-001_v02 (sparse figures halved)", date: "2022-11",
  },
  "H200-SXM": {
    id: "H200-SXM", name: "NVIDIA H200 SXM 141GB",
    peakFlopPerSecond: peaks({ fp32: 66.9, bf16: 989, fp16: 989, fp8: 1979, int8: 1979 }),
    memoryCapacity: bytes(141e9), memoryBandwidth: bytesPerSecond(4.8 * T), maxPower: watts(700),
    power: scaledFrom("H100-SXM", H100, { maxPower: 700, bf16: 989 }),
    source: "InferenceX-app gpu-specs.ts; geektopia.es 2023-11-13 (700 W, 4.8 TB/s)", date: "2023-11",
  },
  B200: {
    id: "B200", name: "NVIDIA B200 (HGX, 1000 W)",
    peakFlopPerSecond: peaks({ fp32: 80, bf16: 2250, fp16: 2250, fp8: 4500, int8: 4500, fp4: 9000 }),
    memoryCapacity: bytes(180e9), memoryBandwidth: bytesPerSecond(8.0 * T), maxPower: watts(1000),
    power: fitted("B200"),
    source: "NVIDIA Blackwell datasheet, HGX B200 at 1000 W (glennklockwood.com/garden/processors/B200); DGX B200 user guide (1,440 GB / 8)", date: "2025-03",
  },
  GB200: {
    id: "GB200", name: "NVIDIA B200 GPU in GB200 NVL72 (1200 W)",
    peakFlopPerSecond: peaks({ fp32: 90, bf16: 2500, fp16: 2500, fp8: 5000, int8: 5000, fp4: 10000 }),
    memoryCapacity: bytes(186e9), memoryBandwidth: bytesPerSecond(8.0 * T), maxPower: watts(1200),
    power: scaledFrom("B200", B200, { maxPower: 1200, bf16: 2500 }),
    source: "glennklockwood.com B200 page (GB200 at 1,200 W); InferenceX-app gpu-specs.ts (2500/5000/10000 dense); 186 GB = low end of the published 186–192 GB", date: "2025-03",
  },
  MI300X: {
    id: "MI300X", name: "AMD Instinct MI300X",
    peakFlopPerSecond: peaks({ fp32: 163.4, bf16: 1307.4, fp16: 1307.4, fp8: 2614.9, int8: 2614.9 }),
    memoryCapacity: bytes(192e9), memoryBandwidth: bytesPerSecond(5.3 * T), maxPower: watts(750),
    power: scaledFrom("H100-SXM", H100, { maxPower: 750, bf16: 1307.4 }),
    source: "InferenceX-app gpu-specs.ts (dense); MLCommons inference v4.1 8xMI300X system json (750 W)", date: "2023-12",
  },
  MI325X: {
    id: "MI325X", name: "AMD Instinct MI325X",
    peakFlopPerSecond: peaks({ fp32: 163.4, bf16: 1307.4, fp16: 1307.4, fp8: 2614.9, int8: 2614.9 }),
    memoryCapacity: bytes(256e9), memoryBandwidth: bytesPerSecond(6.0 * T), maxPower: watts(1000),
    power: scaledFrom("H100-SXM", H100, { maxPower: 1000, bf16: 1307.4 }),
    source: "InferenceX-app gpu-specs.ts; AMD MI325X spec (via docs.vultr.com inference cookbook)", date: "2024-10",
  },
  MI355X: {
    id: "MI355X", name: "AMD Instinct MI355X",
    peakFlopPerSecond: peaks({ bf16: 2516.6, fp16: 2516.6, fp8: 5033.2, int8: 5033.2, fp4: 10066.4 }),
    memoryCapacity: bytes(288e9), memoryBandwidth: bytesPerSecond(8.0 * T), maxPower: watts(1400),
    power: scaledFrom("B200", B200, { maxPower: 1400, bf16: 2516.6 }),
    source: "InferenceX-app gpu-specs.ts; tomshardware.com (MI355X up to 1,400 W, ISC 2025)", date: "2025-06",
  },
  L40S: {
    id: "L40S", name: "NVIDIA L40S",
    peakFlopPerSecond: peaks({ fp32: 91.6, bf16: 362, fp16: 362, fp8: 733, int8: 733 }),
    memoryCapacity: bytes(48e9), memoryBandwidth: bytesPerSecond(0.864 * T), maxPower: watts(350),
    power: scaledFrom("H100-SXM", H100, { maxPower: 350, bf16: 362 }),
    source: "NVIDIA L40S datasheet table (sparse 733/1466 halved; reseller copy mullet.se 355414)", date: "2023-08",
  },
} as const satisfies Record<string, Accelerator>;

/** An accelerator catalog id. */
export type AcceleratorId = keyof typeof ACCELERATORS;

/** Every accelerator id. */
export const ACCELERATOR_IDS = Object.keys(ACCELERATORS) as AcceleratorId[];

/**
 * The dense peak FLOP/s of an accelerator at a compute precision, or undefined when it has
 * no such tensor-core format. mxfp4 runs on fp4 units.
 * @example peakFlopPerSecondAt(ACCELERATORS["H100-SXM"], "fp8") // 1.9789e15 FLOP/s
 */
export const peakFlopPerSecondAt = (
  accelerator: Accelerator,
  precision: Precision,
): FlopPerSecond | undefined =>
  accelerator.peakFlopPerSecond[precision === "mxfp4" ? "fp4" : precision];

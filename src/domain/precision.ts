/** Number formats for weights, KV cache and compute. */
export type Precision = "fp32" | "bf16" | "fp16" | "fp8" | "fp4" | "mxfp4" | "int8" | "int4";

/** All precisions, for schemas and arbitraries. */
export const PRECISIONS: readonly Precision[] = [
  "fp32", "bf16", "fp16", "fp8", "fp4", "mxfp4", "int8", "int4",
];

/**
 * Bytes per stored element (B). mxfp4 stores 32 four-bit values with one 8-bit shared scale:
 * (32·4 + 8) / 32 = 4.25 bits (OCP Microscaling Formats spec v1.0, 2023-09).
 * @example bytesPerElement("mxfp4") // 0.53125
 */
export const bytesPerElement = (precision: Precision): number => {
  switch (precision) {
    case "fp32": return 4;
    case "bf16":
    case "fp16": return 2;
    case "fp8":
    case "int8": return 1;
    case "fp4":
    case "int4": return 0.5;
    case "mxfp4": return 4.25 / 8;
  }
};

/** The weights, KV-cache and compute precisions of a deployment. */
export interface PrecisionSet {
  /** Stored weight format. */
  readonly weights: Precision;
  /** KV-cache element format. */
  readonly kv: Precision;
  /** The tensor-core format the matmuls run in (selects the accelerator's peak FLOP/s). */
  readonly compute: Precision;
}

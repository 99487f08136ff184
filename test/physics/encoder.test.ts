// Gemma 3's parameter counts include its 417M-parameter SigLIP vision tower, which a text
// request never runs (issue 12 review: the bound read and computed it, 3.3 % too tight for
// 12B). Expected values from the Gemma 3 technical report (arXiv 2503.19786, Table 1):
//   12B: vision 417M, embedding 1,012M, non-embedding 10,759M → language model 11,771M;
//   27B: vision 417M, embedding 1,416M, non-embedding 25,600M → language model 27,016M.
// Gemma ties its embeddings, so the LM head is the embedding table and counts as a matmul.
import { describe, expect, it } from "vitest";
import { MODELS, weightBytesResident } from "../../src/index.js";
import { activeMatmulParameters } from "../../src/physics/matmulParameters.js";

describe("encoders a text request never runs", () => {
  it("gemma-3-12b: matmul parameters = embedding + non-embedding (report Table 1), not the vision tower", () => {
    expect(activeMatmulParameters(MODELS["gemma-3-12b"]) / (1_012e6 + 10_759e6)).toBeCloseTo(1, 3);
  });
  it("gemma-3-27b: likewise 1,416M + 25,600M", () => {
    expect(activeMatmulParameters(MODELS["gemma-3-27b"]) / (1_416e6 + 25_600e6)).toBeCloseTo(1, 3);
  });
  it("bf16 weights: the estimate holds the whole checkpoint (2 B × 12.19e9), the bound the language model alone (2 B × 11.773e9)", () => {
    expect(weightBytesResident(MODELS["gemma-3-12b"], "bf16")).toBeCloseTo(2 * 12.19e9, -3);
    expect(weightBytesResident(MODELS["gemma-3-12b"], "bf16", false)).toBeCloseTo(2 * (12.19e9 - 0.417e9), -3);
  });
});

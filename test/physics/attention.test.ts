import { describe, expect, it } from "vitest";
import {
  attentionFlopPerKey,
  cappedLinearSum,
  chunkedSum,
  kvBytesOverDecode,
  meanDecodePassFlop,
  minimumAttentionFlopPerKey,
  MODELS,
  prefillFlopPerRequest,
  requestShape,
  spanPrefixSum,
  spanRangeSum,
} from "../../src/index.js";

// Attention spans and FLOP by hand (issue 12: exact means over positions, chunked attention,
// LM head once per request; issue 14: MLA forms).

describe("attention spans by hand", () => {
  it("a 128-token sliding window over 1,000 queries: Σ min(p + 1, 128) = 128·129/2 + 872·128 = 119,872", () => {
    expect(cappedLinearSum(1000, 1, 128)).toBe(119_872);
  });
  it("a full layer over 1,000 queries: Σ (p + 1) = 1000·1001/2 = 500,500", () => {
    expect(cappedLinearSum(1000, 1, Number.POSITIVE_INFINITY)).toBe(500_500);
  });
  it("an 8,192-token chunked layer over 10,000 queries: 8192·8193/2 + 1808·1809/2 = 35,193,864", () => {
    expect(chunkedSum(10_000, 8192, Number.POSITIVE_INFINITY)).toBe(35_193_864);
  });
  it("Jensen: gpt-oss-120b decoding positions 0..999 reads 18·500,500 + 18·119,872 keys, less than the mean-position shortcut", () => {
    const exact = spanRangeSum(MODELS["gpt-oss-120b"], 0, 1000, "read");
    expect(exact).toBe(18 * 500_500 + 18 * 119_872);
    // The shortcut: 1,000 queries at the mean context 500.5, min(500.5, 128) = 128 on sliding layers.
    const shortcut = 1000 * (18 * 500.5 + 18 * 128);
    expect(exact).toBeLessThan(shortcut);
  });
  it("Llama 4 Scout: 12 global + 36 chunked layers; at 10,000 positions the chunked layers hold 1,808 keys each, not 10,000", () => {
    const scout = MODELS["llama-4-scout"];
    // Keys held after 10,000 tokens: 12 × 10,000 + 36 × ((9,999 mod 8,192) + 1).
    expect(spanRangeSum(scout, 9999, 10_000, "stored")).toBe(12 * 10_000 + 36 * 1808);
  });
  it("a 100-token shared prefix under gpt-oss-120b's 128-token window: each layer shares min(p + 1, 100) keys, sliding layers too", () => {
    // 18 full + 18 sliding (W = 128) layers; the shared part of a span is min(span, 100), and
    // min(p + 1, 128, 100) = min(p + 1, 100): Σ_{x=1}^{1000} min(x, 100) = 100·101/2 + 900·100 = 95,050 per layer.
    expect(spanPrefixSum(MODELS["gpt-oss-120b"], 1000, "stored", 100)).toBe(36 * 95_050);
  });
});

describe("the positions of a request", () => {
  it("a prompt that is all shared prefix still computes its last position (it yields the first token)", () => {
    const shape = requestShape({ id: "x", inputTokens: 100, outputTokens: 10, concurrency: 1, sharedPrefixTokens: 100 });
    expect(shape).toEqual({ prompt: 100, cached: 99, shared: 100, decodePasses: 9, outputTokens: 10 });
  });
  it("an empty prompt is one position (a BOS token), none of it cached", () => {
    const shape = requestShape({ id: "x", inputTokens: 0, outputTokens: 10, concurrency: 1 });
    expect(shape).toEqual({ prompt: 1, cached: 0, shared: 0, decodePasses: 9, outputTokens: 10 });
  });
});

describe("FLOP and KV by hand", () => {
  const llama = MODELS["llama-3.1-70b"];
  const matmul = 70.55e9 - 128256 * 8192; // the untied input embedding is a lookup
  const logits = 2 * 128256 * 8192;
  it("prefill computes the LM head only for the last prompt position", () => {
    const workload = { id: "x", inputTokens: 1000, outputTokens: 10, concurrency: 1 };
    // 1,000 positions × 2·(P_mm − V·H) + one 2·V·H + 2·64·(128 + 128) per key × 80 layers × 500,500 keys.
    const expected = 1000 * (2 * matmul - logits) + logits + 2 * 64 * 256 * 80 * 500_500;
    expect(prefillFlopPerRequest(llama, workload)).toBeCloseTo(expected, -3);
  });
  it("prefill with a 600-token cached prefix computes positions 600..999 only, their attention included", () => {
    const workload = { id: "x", inputTokens: 1000, outputTokens: 10, concurrency: 1, sharedPrefixTokens: 600 };
    // 400 positions; keys read Σ_{p=600}^{999} (p + 1) = (601 + 1000)·400/2 = 320,200 per layer.
    const expected = 400 * (2 * matmul - logits) + logits + 2 * 64 * 256 * 80 * 320_200;
    expect(prefillFlopPerRequest(llama, workload)).toBeCloseTo(expected, -3);
  });
  it("a prompt that is all shared prefix computes one position: 2·P_mm (LM head included) + attention over its 100 keys", () => {
    const workload = { id: "x", inputTokens: 100, outputTokens: 10, concurrency: 1, sharedPrefixTokens: 100 };
    expect(prefillFlopPerRequest(llama, workload)).toBeCloseTo(2 * matmul + 2 * 64 * 256 * 80 * 100, -3);
  });
  it("an empty prompt prefills its BOS: 2·P_mm + attention over 1 key", () => {
    const workload = { id: "x", inputTokens: 0, outputTokens: 10, concurrency: 1 };
    expect(prefillFlopPerRequest(llama, workload)).toBeCloseTo(2 * matmul + 2 * 64 * 256 * 80 * 1, -3);
  });
  it("a decode pass averages its exact spans: positions 1000..1008 attend 1001..1009 keys (mean 1005)", () => {
    const workload = { id: "x", inputTokens: 1000, outputTokens: 10, concurrency: 1 };
    expect(meanDecodePassFlop(llama, workload)).toBeCloseTo(2 * matmul + 2 * 64 * 256 * 80 * 1005, -3);
  });
  it("DeepSeek-V3 MLA: naive 2·128·(192 + 128) = 81,920 FLOP per key; absorbed 2·128·(512 + 64 + 512) = 278,528; the bound takes the smaller", () => {
    const deepseek = MODELS["deepseek-v3"];
    expect(attentionFlopPerKey(deepseek, "naive")).toBe(81_920);
    expect(attentionFlopPerKey(deepseek, "absorbed")).toBe(278_528);
    expect(minimumAttentionFlopPerKey(deepseek)).toBe(81_920);
    // Without MLA the forms agree: Llama 3.1 70B, 2·64·(128 + 128) = 32,768.
    expect(attentionFlopPerKey(llama, "absorbed")).toBe(32_768);
  });
  it("KV held by a sequence in flight is the mean over its decode positions: chat on Llama 3.1 70B bf16", () => {
    // 4,096 B per token per layer × 80 layers × the mean of (p + 1) over p = 224..1001: (225 + 1002)/2 = 613.5.
    const workload = { id: "chat", inputTokens: 224, outputTokens: 779, concurrency: 1 };
    expect(kvBytesOverDecode(llama, "bf16", workload, "stored")).toBeCloseTo(4096 * 80 * 613.5, 0);
  });
  it("a shared prefix of 100 tokens is held once: its part of each sequence's span is 100 keys per layer", () => {
    const workload = { id: "x", inputTokens: 224, outputTokens: 779, concurrency: 1, sharedPrefixTokens: 100 };
    expect(kvBytesOverDecode(llama, "bf16", workload, "stored", 100)).toBeCloseTo(4096 * 80 * 100, 0);
  });
});

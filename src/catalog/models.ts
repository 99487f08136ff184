import type { Model } from "../domain/model.js";

// Architectures from each model's Hugging Face config.json / model card. Parameter counts
// are the true counts (config or card), not the rounded names. A model not listed here can
// be given inline in a scenario.

const dense = {
  slidingWindowLayers: 0,
  slidingWindow: 0,
} as const;

const qwen3Source = (repo: string): string =>
  `huggingface.co/${repo} config.json; Qwen3 Technical Report (arXiv 2505.09388)`;

/** The model catalog, by id. */
export const MODELS = {
  "llama-2-70b": {
    id: "llama-2-70b", name: "meta-llama/Llama-2-70b-hf", ...dense,
    totalParameters: 68.98e9, activeParameters: 68.98e9, layers: 80, attentionLayers: 80,
    hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, headDim: 128, vocabularySize: 32000,
    tiedEmbeddings: false,
    source: "huggingface.co/meta-llama/Llama-2-70b-hf config.json; Llama 2 paper (arXiv 2307.09288)",
    date: "2023-07",
  },
  "llama-3.1-8b": {
    id: "llama-3.1-8b", name: "meta-llama/Llama-3.1-8B-Instruct", ...dense,
    totalParameters: 8.03e9, activeParameters: 8.03e9, layers: 32, attentionLayers: 32,
    hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabularySize: 128256,
    tiedEmbeddings: false,
    source: "huggingface.co/meta-llama/Llama-3.1-8B-Instruct config.json; Llama 3 Herd paper (arXiv 2407.21783)",
    date: "2024-07",
  },
  "llama-3.1-70b": {
    id: "llama-3.1-70b", name: "meta-llama/Llama-3.1-70B-Instruct", ...dense,
    totalParameters: 70.55e9, activeParameters: 70.55e9, layers: 80, attentionLayers: 80,
    hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, headDim: 128, vocabularySize: 128256,
    tiedEmbeddings: false,
    source: "huggingface.co/meta-llama/Llama-3.1-70B-Instruct config.json; arXiv 2407.21783",
    date: "2024-07",
  },
  "llama-3.3-70b": {
    id: "llama-3.3-70b", name: "meta-llama/Llama-3.3-70B-Instruct", ...dense,
    totalParameters: 70.55e9, activeParameters: 70.55e9, layers: 80, attentionLayers: 80,
    hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, headDim: 128, vocabularySize: 128256,
    tiedEmbeddings: false,
    source: "huggingface.co/meta-llama/Llama-3.3-70B-Instruct config.json (same architecture as 3.1-70B)",
    date: "2024-12",
  },
  "llama-3.1-405b": {
    id: "llama-3.1-405b", name: "meta-llama/Llama-3.1-405B-Instruct", ...dense,
    totalParameters: 405.85e9, activeParameters: 405.85e9, layers: 126, attentionLayers: 126,
    hiddenSize: 16384, attentionHeads: 128, kvHeads: 8, headDim: 128, vocabularySize: 128256,
    tiedEmbeddings: false,
    source: "huggingface.co/meta-llama/Llama-3.1-405B-Instruct config.json; arXiv 2407.21783",
    date: "2024-07",
  },
  "llama-4-scout": {
    id: "llama-4-scout", name: "meta-llama/Llama-4-Scout-17B-16E-Instruct", ...dense,
    totalParameters: 109e9, activeParameters: 17e9, layers: 48, attentionLayers: 12,
    chunkedAttentionLayers: 36, attentionChunk: 8192,
    hiddenSize: 5120, attentionHeads: 40, kvHeads: 8, headDim: 128, vocabularySize: 202048,
    tiedEmbeddings: false, experts: { total: 16, active: 1, shared: 1 },
    source: "huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct model card (17B active, 109B total); transformers configuration_llama4.py (commit 008e5743): attention_chunk_size 8192, no_rope_layer_interval 4 → layers 3, 7, …, 47 (12) global NoPE attention, the other 36 chunked (a token attends within its aligned 8,192-token chunk, masking_utils.chunked_overlay)",
    date: "2025-04",
  },
  "llama-4-maverick": {
    id: "llama-4-maverick", name: "meta-llama/Llama-4-Maverick-17B-128E-Instruct", ...dense,
    totalParameters: 400e9, activeParameters: 17e9, layers: 48, attentionLayers: 12,
    chunkedAttentionLayers: 36, attentionChunk: 8192,
    hiddenSize: 5120, attentionHeads: 40, kvHeads: 8, headDim: 128, vocabularySize: 202048,
    tiedEmbeddings: false, experts: { total: 128, active: 1, shared: 1 }, expertLayers: 24,
    source: "huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct model card (17B active, 400B total); Maverick config as reproduced in NVIDIA/TensorRT-LLM tests/unittest/_torch/modeling/test_modeling_llama_min_latency.py (commit b35ac1b6): attention_chunk_size 8192, 12 global + 36 chunked layers as Scout, interleave_moe_layer_step 2 (24 MoE layers of 128 experts + shared, 24 dense)",
    date: "2025-04",
  },
  "mixtral-8x7b": {
    id: "mixtral-8x7b", name: "mistralai/Mixtral-8x7B-Instruct-v0.1", ...dense,
    totalParameters: 46.7e9, activeParameters: 12.9e9, layers: 32, attentionLayers: 32,
    hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabularySize: 32000,
    tiedEmbeddings: false, experts: { total: 8, active: 2, shared: 0 },
    source: "huggingface.co/mistralai/Mixtral-8x7B-v0.1 config.json; Mixtral paper (arXiv 2401.04088): 46.7B total, 12.9B active",
    date: "2024-01",
  },
  "deepseek-v3": {
    id: "deepseek-v3", name: "deepseek-ai/DeepSeek-V3", ...dense,
    totalParameters: 671e9, activeParameters: 37e9, layers: 61, attentionLayers: 61,
    hiddenSize: 7168, attentionHeads: 128, kvHeads: 128, headDim: 128, kvLatentDim: 576,
    qkHeadDim: 192, valueHeadDim: 128, mla: { latentRank: 512, ropeDim: 64 },
    vocabularySize: 129280, tiedEmbeddings: false, experts: { total: 256, active: 8, shared: 1 },
    source: "huggingface.co/deepseek-ai/DeepSeek-V3 config.json (kv_lora_rank 512 + qk_rope_head_dim 64 = 576 cached per token per layer; qk_nope_head_dim 128 + 64 = 192 per query/key head; v_head_dim 128); arXiv 2412.19437",
    date: "2024-12",
  },
  "deepseek-r1": {
    id: "deepseek-r1", name: "deepseek-ai/DeepSeek-R1", ...dense,
    totalParameters: 671e9, activeParameters: 37e9, layers: 61, attentionLayers: 61,
    hiddenSize: 7168, attentionHeads: 128, kvHeads: 128, headDim: 128, kvLatentDim: 576,
    qkHeadDim: 192, valueHeadDim: 128, mla: { latentRank: 512, ropeDim: 64 },
    vocabularySize: 129280, tiedEmbeddings: false, experts: { total: 256, active: 8, shared: 1 },
    source: "huggingface.co/deepseek-ai/DeepSeek-R1 config.json (DeepSeek-V3 architecture); arXiv 2501.12948",
    date: "2025-01",
  },
  "qwen3-8b": {
    id: "qwen3-8b", name: "Qwen/Qwen3-8B", ...dense,
    totalParameters: 8.19e9, activeParameters: 8.19e9, layers: 36, attentionLayers: 36,
    hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabularySize: 151936,
    tiedEmbeddings: false, source: qwen3Source("Qwen/Qwen3-8B"), date: "2025-04",
  },
  "qwen3-14b": {
    id: "qwen3-14b", name: "Qwen/Qwen3-14B", ...dense,
    totalParameters: 14.77e9, activeParameters: 14.77e9, layers: 40, attentionLayers: 40,
    hiddenSize: 5120, attentionHeads: 40, kvHeads: 8, headDim: 128, vocabularySize: 151936,
    tiedEmbeddings: false, source: qwen3Source("Qwen/Qwen3-14B"), date: "2025-04",
  },
  "qwen3-32b": {
    id: "qwen3-32b", name: "Qwen/Qwen3-32B", ...dense,
    totalParameters: 32.76e9, activeParameters: 32.76e9, layers: 64, attentionLayers: 64,
    hiddenSize: 5120, attentionHeads: 64, kvHeads: 8, headDim: 128, vocabularySize: 151936,
    tiedEmbeddings: false, source: qwen3Source("Qwen/Qwen3-32B"), date: "2025-04",
  },
  "qwen3-30b-a3b": {
    id: "qwen3-30b-a3b", name: "Qwen/Qwen3-30B-A3B", ...dense,
    totalParameters: 30.53e9, activeParameters: 3.35e9, layers: 48, attentionLayers: 48,
    hiddenSize: 2048, attentionHeads: 32, kvHeads: 4, headDim: 128, vocabularySize: 151936,
    tiedEmbeddings: false, experts: { total: 128, active: 8, shared: 0 },
    source: qwen3Source("Qwen/Qwen3-30B-A3B"), date: "2025-04",
  },
  "qwen3-235b-a22b": {
    id: "qwen3-235b-a22b", name: "Qwen/Qwen3-235B-A22B", ...dense,
    totalParameters: 235.09e9, activeParameters: 22.14e9, layers: 94, attentionLayers: 94,
    hiddenSize: 4096, attentionHeads: 64, kvHeads: 4, headDim: 128, vocabularySize: 151936,
    tiedEmbeddings: false, experts: { total: 128, active: 8, shared: 0 },
    source: qwen3Source("Qwen/Qwen3-235B-A22B"), date: "2025-04",
  },
  "qwen3-coder-480b-a35b": {
    id: "qwen3-coder-480b-a35b", name: "Qwen/Qwen3-Coder-480B-A35B-Instruct", ...dense,
    totalParameters: 480e9, activeParameters: 35e9, layers: 62, attentionLayers: 62,
    hiddenSize: 6144, attentionHeads: 96, kvHeads: 8, headDim: 128, vocabularySize: 151936,
    tiedEmbeddings: false, experts: { total: 160, active: 8, shared: 0 },
    source: "huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct config.json and model card",
    date: "2025-07",
  },
  "qwen3.5-397b-a17b": {
    id: "qwen3.5-397b-a17b", name: "Qwen/Qwen3.5-397B-A17B",
    totalParameters: 397e9, activeParameters: 17e9, layers: 60, attentionLayers: 15,
    slidingWindowLayers: 0, slidingWindow: 0,
    hiddenSize: 4096, attentionHeads: 32, kvHeads: 2, headDim: 256, vocabularySize: 248320,
    tiedEmbeddings: false, experts: { total: 512, active: 10, shared: 1 },
    recurrentStateElements: 45 * (64 * 128 * 128 + (2 * 16 * 128 + 64 * 128) * 3),
    recurrentStatePrecision: "fp32",
    source: "huggingface.co/Qwen/Qwen3.5-397B-A17B model card; config.json as copied in ai-dynamo/aiconfigurator model_configs (commit 87fe4b0c): 60 layers, full_attention_interval 4 → 15 full-attention (2 KV heads × 256) + 45 Gated DeltaNet layers with linear_num_key_heads 16, linear_num_value_heads 64, key/value head dim 128, conv kernel 4; state per layer = 64·128·128 + (2·16·128 + 64·128)·3 (vLLM mamba_utils.gated_delta_net_state_shape); mamba_ssm_dtype float32 as in the Qwen3.5 configs",
    date: "2026-02",
  },
  "gpt-oss-20b": {
    id: "gpt-oss-20b", name: "openai/gpt-oss-20b",
    totalParameters: 20.91e9, activeParameters: 3.61e9 + 201088 * 2880, layers: 24, attentionLayers: 12,
    slidingWindowLayers: 12, slidingWindow: 128,
    hiddenSize: 2880, attentionHeads: 64, kvHeads: 8, headDim: 64, vocabularySize: 201088,
    tiedEmbeddings: false, experts: { total: 32, active: 4, shared: 0 },
    keptPrecision: { parameters: 20.91e9 - 19.12e9, precision: "bf16" },
    source: "huggingface.co/openai/gpt-oss-20b config.json; gpt-oss model card (arXiv 2508.10925) table 1: 20.91B total, 19.12B in MoE MLPs (MXFP4), the rest (attention, router, embedding, unembedding) kept in bf16 (quantization_config.modules_to_not_convert); the card's 3.61B active excludes the input embedding, added here (201,088 × 2,880) as the library counts it and removes it as a lookup; alternating full / 128-token sliding attention",
    date: "2025-08",
  },
  "gpt-oss-120b": {
    id: "gpt-oss-120b", name: "openai/gpt-oss-120b",
    totalParameters: 116.83e9, activeParameters: 5.13e9 + 201088 * 2880, layers: 36, attentionLayers: 18,
    slidingWindowLayers: 18, slidingWindow: 128,
    hiddenSize: 2880, attentionHeads: 64, kvHeads: 8, headDim: 64, vocabularySize: 201088,
    tiedEmbeddings: false, experts: { total: 128, active: 4, shared: 0 },
    keptPrecision: { parameters: 116.83e9 - 114.71e9, precision: "bf16" },
    source: "huggingface.co/openai/gpt-oss-120b config.json; gpt-oss model card (arXiv 2508.10925) table 1: 116.83B total, 114.71B in MoE MLPs (MXFP4), the rest (attention, router, embedding, unembedding) kept in bf16; the card's 5.13B active excludes the input embedding, added here (201,088 × 2,880) as the library counts it and removes it as a lookup; alternating full / 128-token sliding attention",
    date: "2025-08",
  },
  "gemma-3-12b": {
    id: "gemma-3-12b", name: "google/gemma-3-12b-it",
    totalParameters: 12.19e9, activeParameters: 12.19e9, encoderParameters: 0.417e9, layers: 48, attentionLayers: 8,
    slidingWindowLayers: 40, slidingWindow: 1024,
    hiddenSize: 3840, attentionHeads: 16, kvHeads: 8, headDim: 256, vocabularySize: 262208,
    tiedEmbeddings: true,
    source: "huggingface.co/google/gemma-3-12b-it config.json; Gemma 3 report (arXiv 2503.19786): 5 local (1024) : 1 global layers; count includes the vision encoder: 417M vision + 1,012M embedding + 10,759M non-embedding (report Table 1), the encoder is never run for text",
    date: "2025-03",
  },
  "gemma-3-27b": {
    id: "gemma-3-27b", name: "google/gemma-3-27b-it",
    totalParameters: 27.43e9, activeParameters: 27.43e9, encoderParameters: 0.417e9, layers: 62, attentionLayers: 10,
    slidingWindowLayers: 52, slidingWindow: 1024,
    hiddenSize: 5376, attentionHeads: 32, kvHeads: 16, headDim: 128, vocabularySize: 262208,
    tiedEmbeddings: true,
    source: "huggingface.co/google/gemma-3-27b-it config.json; arXiv 2503.19786; count includes the vision encoder: 417M vision + 1,416M embedding + 25,600M non-embedding (report Table 1), the encoder is never run for text",
    date: "2025-03",
  },
  "nemotron-nano-9b-v2": {
    id: "nemotron-nano-9b-v2", name: "nvidia/NVIDIA-Nemotron-Nano-9B-v2", ...dense,
    totalParameters: 8.89e9, activeParameters: 8.89e9, layers: 56, attentionLayers: 4,
    hiddenSize: 4480, attentionHeads: 40, kvHeads: 8, headDim: 128, vocabularySize: 131072,
    tiedEmbeddings: false, recurrentStateElements: 27 * (128 * 80 * 128 + (10240 + 2 * 8 * 128) * 3), recurrentStatePrecision: "fp32",
    source: "huggingface.co/nvidia/NVIDIA-Nemotron-Nano-9B-v2 config.json; arXiv 2508.14444: 56 layers = 27 Mamba-2 + 25 MLP + 4 attention; Mamba-2 state per layer = mamba_num_heads 128 × mamba_head_dim 80 × ssm_state_size 128, plus conv state (d_inner 10240 + 2 × n_groups 8 × 128) × (conv_kernel 4 − 1); the SSM state kept in fp32 (mamba_ssm_cache_dtype=float32, \"as required by NVIDIA for output quality\" for Nemotron hybrid checkpoints, as run in vLLM deployment notes)",
    date: "2025-08",
  },
  "nemotron-nano-12b-v2": {
    id: "nemotron-nano-12b-v2", name: "nvidia/NVIDIA-Nemotron-Nano-12B-v2", ...dense,
    totalParameters: 12.31e9, activeParameters: 12.31e9, layers: 62, attentionLayers: 6,
    hiddenSize: 5120, attentionHeads: 40, kvHeads: 8, headDim: 128, vocabularySize: 131072,
    tiedEmbeddings: false, recurrentStateElements: 28 * (128 * 80 * 128 + (10240 + 2 * 8 * 128) * 3), recurrentStatePrecision: "fp32",
    source: "huggingface.co/nvidia/NVIDIA-Nemotron-Nano-12B-v2 config.json: hybrid_override_pattern with 28 Mamba-2 (M), 6 attention (*) and 28 MLP layers; mamba_num_heads 128, mamba_head_dim 80, ssm_state_size 128, n_groups 8, conv_kernel 4; arXiv 2508.14444; SSM state in fp32 as for the 9B",
    date: "2025-08",
  },
} as const satisfies Record<string, Model>;

/** A model catalog id. */
export type ModelId = keyof typeof MODELS;

/** Every model id, in catalog order. */
export const MODEL_IDS = Object.keys(MODELS) as ModelId[];

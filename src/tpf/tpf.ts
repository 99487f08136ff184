import {
  outputTokensPerSecond,
  ratio,
  type FlopPerOutputToken,
  type FlopPerSecond,
  type JoulesPerOutputToken,
  type OutputTokensPerSecond,
  type Ratio,
  type Watts,
} from "../units/index.js";

/** Inputs of the paper's Token Production Function. */
export interface TpfInputs {
  /** K_eff: effective compute (FLOP/s). */
  readonly effectiveCompute: FlopPerSecond;
  /** c_tok: compute per token at fixed (q*, s*) (FLOP/output token). */
  readonly flopPerToken: FlopPerOutputToken;
  /** P_facility: PUE-adjusted delivered IT power (W). */
  readonly facilityPower: Watts;
  /** e_tok: IT energy per token at fixed (q*, s*) (J/output token). */
  readonly joulesPerToken: JoulesPerOutputToken;
  /** θ: conversion constant, dimensionless (1); default 1. See PAPER_NOTES.md. */
  readonly theta?: Ratio;
  /** Φ_system: efficiency multiplier of software levers (1); default 1. */
  readonly phi?: Ratio;
  /** U: utilization (1); default 1. */
  readonly utilization?: Ratio;
}

/** The paper form's two staves. */
export type PaperStave = "compute" | "energy";

/** Result of the paper form. */
export interface TpfResult {
  /** Q̇: token rate (output tokens/s). */
  readonly rate: OutputTokensPerSecond;
  /** K_eff / c_tok (output tokens/s). */
  readonly computeCeiling: OutputTokensPerSecond;
  /** θ·P_facility / e_tok (output tokens/s). */
  readonly energyCeiling: OutputTokensPerSecond;
  /** The shorter stave; "compute" on an exact tie. */
  readonly binding: PaperStave;
  /** The other stave's ceiling ÷ the binding one (1, ≥ 1). */
  readonly slack: Ratio;
}

/**
 * The Token Production Function (arXiv 2605.11733, §2):
 * Q̇ = min(K_eff / c_tok, θ·P_facility / e_tok) × Φ_system × U.
 * @example
 * tpf({ effectiveCompute: flopPerSecond(1e15), flopPerToken: flopPerOutputToken(1.4e11),
 *       facilityPower: watts(700), joulesPerToken: joulesPerOutputToken(0.39),
 *       utilization: ratio(0.5) }).rate // 897.436 tokens/s, energy-bound
 */
export const tpf = (inputs: TpfInputs): TpfResult => {
  const theta = inputs.theta ?? 1;
  const phi = inputs.phi ?? 1;
  const utilization = inputs.utilization ?? 1;
  const computeCeiling = outputTokensPerSecond(inputs.effectiveCompute / inputs.flopPerToken);
  const energyCeiling = outputTokensPerSecond((theta * inputs.facilityPower) / inputs.joulesPerToken);
  const binding: PaperStave = energyCeiling < computeCeiling ? "energy" : "compute";
  const shorter = binding === "energy" ? energyCeiling : computeCeiling;
  const longer = binding === "energy" ? computeCeiling : energyCeiling;
  return {
    rate: outputTokensPerSecond(shorter * phi * utilization),
    computeCeiling,
    energyCeiling,
    binding,
    slack: ratio(longer / shorter),
  };
};

import {
  flopPerOutputToken,
  flopPerSecond,
  joulesPerOutputToken,
  watts,
  type FlopPerOutputToken,
  type FlopPerSecond,
  type JoulesPerOutputToken,
  type Watts,
} from "../units/index.js";
import type { TpfInputs } from "./tpf.js";

// Derived from the TPF (not printed in the paper; see PAPER_NOTES.md): the staves are equal
// when K_eff / c_tok = θ·P / e_tok. Solving for each input gives where the binding stave
// changes. Energy binds iff e_tok / c_tok > θ·P / K_eff.

/**
 * e_tok* = θ·P·c_tok / K_eff (J/output token): energy binds above it.
 * @example crossoverJoulesPerToken({ effectiveCompute: flopPerSecond(1e15), flopPerToken: flopPerOutputToken(1.4e11), facilityPower: watts(700), joulesPerToken: joulesPerOutputToken(0.39) }) // 0.098 J
 */
export const crossoverJoulesPerToken = (inputs: TpfInputs): JoulesPerOutputToken =>
  joulesPerOutputToken(
    ((inputs.theta ?? 1) * inputs.facilityPower * inputs.flopPerToken) / inputs.effectiveCompute,
  );

/**
 * P* = K_eff·e_tok / (θ·c_tok) (W): energy binds below it.
 * @example crossoverFacilityPower(inputs) // 1e15 × 0.39 / 1.4e11 = 2785.7 W for the D1 inputs
 */
export const crossoverFacilityPower = (inputs: TpfInputs): Watts =>
  watts(
    (inputs.effectiveCompute * inputs.joulesPerToken) / ((inputs.theta ?? 1) * inputs.flopPerToken),
  );

/**
 * K_eff* = θ·P·c_tok / e_tok (FLOP/s): energy binds above it.
 * @example crossoverEffectiveCompute(inputs) // 700 × 1.4e11 / 0.39 = 2.51e14 FLOP/s for the D1 inputs
 */
export const crossoverEffectiveCompute = (inputs: TpfInputs): FlopPerSecond =>
  flopPerSecond(
    ((inputs.theta ?? 1) * inputs.facilityPower * inputs.flopPerToken) / inputs.joulesPerToken,
  );

/**
 * c_tok* = K_eff·e_tok / (θ·P) (FLOP/output token): compute binds above it.
 * @example crossoverFlopPerToken(inputs) // 1e15 × 0.39 / 700 = 5.57e11 FLOP/token for the D1 inputs
 */
export const crossoverFlopPerToken = (inputs: TpfInputs): FlopPerOutputToken =>
  flopPerOutputToken(
    (inputs.effectiveCompute * inputs.joulesPerToken) / ((inputs.theta ?? 1) * inputs.facilityPower),
  );

/**
 * All four crossovers at once.
 * @example tpfCrossovers(inputs).joulesPerToken // e_tok* in J/output token
 */
export const tpfCrossovers = (inputs: TpfInputs) => ({
  joulesPerToken: crossoverJoulesPerToken(inputs),
  facilityPower: crossoverFacilityPower(inputs),
  effectiveCompute: crossoverEffectiveCompute(inputs),
  flopPerToken: crossoverFlopPerToken(inputs),
});

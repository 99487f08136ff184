import {
  joulesPerOutputToken,
  outputTokensPerSecond,
  type JoulesPerOutputToken,
  type OutputTokensPerSecond,
  type Watts,
  watts,
} from "../units/index.js";
import { bytesPerOutputTokenAt } from "./decodeStep.js";
import type { Plant } from "./plant.js";

/**
 * Dynamic accelerator energy per output token at batch b (J/output token):
 * ε_flop·c_tok + ε_byte·bytes per output token.
 */
export const dynamicJoulesPerOutputToken = (plant: Plant, batch: number): JoulesPerOutputToken =>
  joulesPerOutputToken(
    plant.joulesPerFlop * plant.flopPerOutputToken +
      plant.joulesPerByte * bytesPerOutputTokenAt(plant, batch),
  );

/**
 * Power of one accelerator serving `rate` output tokens/s in total (W):
 * idle + dynamic J/token · rate / (N · replicas), capped at the board limit.
 */
export const acceleratorPowerAt = (
  plant: Plant,
  batch: number,
  rate: OutputTokensPerSecond,
): Watts =>
  watts(
    Math.min(
      plant.maxPower,
      plant.idlePower +
        (dynamicJoulesPerOutputToken(plant, batch) * rate) / (plant.accelerators * plant.replicas),
    ),
  );

/**
 * Device-power stave (output tokens/s): the rate at which the power model reaches the board
 * cap, replicas · N · (TDP − idle) / dynamic J per output token.
 * @example devicePowerCeiling(plant, 64) // N·(TDP − idle) / (ε_flop·c_tok + ε_byte·bytes/token)
 */
export const devicePowerCeiling = (plant: Plant, batch: number): OutputTokensPerSecond =>
  outputTokensPerSecond(
    (plant.replicas * plant.accelerators * Math.max(0, plant.maxPower - plant.idlePower)) /
      dynamicJoulesPerOutputToken(plant, batch),
  );

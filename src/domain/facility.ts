import type {
  CarbonIntensity,
  EnergyPrice,
  HourlyPrice,
  Ratio,
  WaterIntensity,
  Watts,
} from "../units/index.js";

/** Whether a grid intensity is location-based (grid average) or market-based (PPAs, RECs). */
export type CarbonBasis = "location" | "market";

/** The site: power, cooling, servers, grid and prices. */
export interface Facility {
  /** Preset id, or "custom". */
  readonly id: string;
  /** Power delivered to the site at the meter (W); absent = no facility-power stave. */
  readonly deliveredPower?: Watts;
  /** Power usage effectiveness: facility power ÷ IT power (1, ≥ 1). */
  readonly pue: Ratio;
  /** Heat the cooling plant can reject (W); absent = no cooling stave. */
  readonly coolingCapacity?: Watts;
  /** Host power per node: CPUs, DRAM, NICs, fans, its PSU losses (W). */
  readonly hostPowerPerNode: Watts;
  /** Accelerators per node (count). */
  readonly acceleratorsPerNode: number;
  /** PSU efficiency applied to accelerator power (1, ≤ 1). */
  readonly psuEfficiency: Ratio;
  /** Grid carbon intensity (gCO2e/J; shown g/kWh). */
  readonly carbonIntensity: CarbonIntensity;
  /** Accounting basis of carbonIntensity. */
  readonly carbonBasis: CarbonBasis;
  /** Site water per IT energy, WUE (L/J; shown L/kWh). */
  readonly waterIntensity: WaterIntensity;
  /** Electricity price (USD/J; shown USD/kWh). */
  readonly electricityPrice: EnergyPrice;
  /** Price of one accelerator-hour (USD/s; shown USD/h). */
  readonly acceleratorHourPrice: HourlyPrice;
}

import { isRangePath, rangeProblem } from "../domain/ranges.js";

/**
 * The first lever parameter outside its documented range (src/domain/ranges.ts, paths
 * "levers.<kind>.<field>"; qualityDelta under "levers.qualityDelta"), as a message naming the
 * field, the value and the expected range and unit; undefined when all are in range or absent.
 * The lever specs of a scenario's `levers` field are checked against the same entries.
 * @example parameterProblem("kv-compression", { ratio: 0.5 }) // "ratio: expected a compression ratio in [1, 1e6], got 0.5"
 */
export const parameterProblem = (kind: string, values: Readonly<Record<string, unknown>>): string | undefined => {
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const path = field === "qualityDelta" ? "levers.qualityDelta" : `levers.${kind}.${field}`;
    if (!isRangePath(path)) continue;
    const problem = rangeProblem(path, value, field);
    if (problem !== undefined) return problem;
  }
  return undefined;
};

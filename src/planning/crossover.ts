import * as E from "fp-ts/lib/Either.js";
import type { Scenario } from "../domain/scenario.js";
import type { Mode, StaveName } from "../staves/plant.js";
import { evaluateMode } from "../tpf/evaluate.js";
import { PARAMETERS, PARAMETER_NAMES, scenarioValueProblem, type Parameter, type ParameterName } from "./parameters.js";
import { planningError, type PlanningError } from "./planningError.js";

/** The range to search, in the parameter's SI unit. */
export interface Range {
  /** Lower end (SI units of the parameter). */
  readonly low: number;
  /** Upper end (SI). */
  readonly high: number;
}

/** Where the binding stave changes. */
export interface Crossover {
  /** Whether the binding stave changes in the range. */
  readonly found: true;
  /** The parameter varied. */
  readonly parameter: string;
  /**
   * The crossover (SI): just below it `before` binds, just above it `after`. At a closed-form
   * value the two staves are equal and the tie goes to the earlier stave name.
   */
  readonly value: number;
  /** Binding stave below the value. */
  readonly before: StaveName;
  /** Binding stave at and above the value. */
  readonly after: StaveName;
  /** Closed form (a stave linear in the parameter) or bracketed bisection. */
  readonly method: "closed-form" | "bisection";
}

/** No change of binding stave over the range. */
export interface NoCrossover {
  /** Whether the binding stave changes in the range. */
  readonly found: false;
  /** The parameter varied. */
  readonly parameter: string;
  /** The stave that binds over the whole range (at the scan points). */
  readonly binding: StaveName;
}

const SCAN_POINTS = 65;

const scanPoints = (range: Range, integer: boolean): number[] => {
  const { low, high } = range;
  const logarithmic = low > 0 && high / low > 10;
  const points: number[] = [];
  for (let i = 0; i < SCAN_POINTS; i++) {
    const t = i / (SCAN_POINTS - 1);
    const x = logarithmic ? low * (high / low) ** t : low + (high - low) * t;
    points.push(integer ? Math.round(x) : x);
  }
  points[0] = low;
  points[SCAN_POINTS - 1] = high;
  return [...new Set(points)];
};

// Staves linear in a parameter p: ceiling = k·p (delivered power, cooling) or k/p (PUE).
// At the crossover the linear stave equals the lowest of the others.
const LINEAR: Readonly<Record<string, { stave: StaveName; inverse: boolean }>> = {
  "facility.deliveredPower": { stave: "facility-power", inverse: false },
  "facility.coolingCapacity": { stave: "cooling", inverse: false },
  "facility.pue": { stave: "facility-power", inverse: true },
};

const closedForm = (
  scenario: Scenario,
  parameter: Parameter,
  at: number,
  mode: Mode,
): number | undefined => {
  const linear = LINEAR[parameter.name];
  if (linear === undefined) return undefined;
  const ceilings = evaluateMode(parameter.set(scenario, at), mode).ceilings;
  const own = ceilings[linear.stave];
  if (own === undefined || !(own > 0)) return undefined;
  const others = Object.entries(ceilings).filter(([name]) => name !== linear.stave).map(([, v]) => v);
  const lowestOther = Math.min(...others);
  if (!Number.isFinite(lowestOther) || !(lowestOther > 0)) return undefined;
  const k = linear.inverse ? own * at : own / at;
  return linear.inverse ? k / lowestOther : lowestOther / k;
};

/**
 * The value of a numeric input at which the binding stave changes, searched over a range:
 * closed form where the stave is linear in the input (delivered power, cooling, PUE),
 * bracketed bisection otherwise (the range is scanned at 65 points first, so the first
 * change is found). Both ends must lie in the parameter's documented range (the values
 * parseScenario accepts for that field). E.g. the site power at which facility power starts to bind, or the
 * batch at which decode turns compute-bound.
 * @example crossover(scenario, "facility.deliveredPower", { low: 1e3, high: 1e7 })
 */
export const crossover = (
  scenario: Scenario,
  parameterName: ParameterName | (string & {}),
  range: Range,
  mode: Mode = "estimate",
): E.Either<PlanningError, Crossover | NoCrossover> => {
  const parameter = PARAMETERS[parameterName];
  if (parameter === undefined) {
    return E.left(planningError(`parameter: unknown ${JSON.stringify(parameterName)}; expected one of ${PARAMETER_NAMES.join(", ")}`));
  }
  const { low, high } = range;
  // Both ends must be values parseScenario accepts for the field (src/domain/ranges.ts).
  const outside = [scenarioValueProblem(parameter, scenario, low, "range.low"), scenarioValueProblem(parameter, scenario, high, "range.high")].filter((m) => m !== undefined);
  if (outside.length > 0) return E.left(planningError(`${parameter.name}: ${outside.join("; ")}`));
  if (!(high > low)) {
    return E.left(planningError(`range: expected low < high (${parameter.unit}), got low ${low}, high ${high}`));
  }
  const bindingAt = (x: number): StaveName => evaluateMode(parameter.set(scenario, x), mode).binding;
  const points = scanPoints(range, parameter.integer);
  const first = bindingAt(points[0]!);
  let previous = points[0]!;
  for (const x of points.slice(1)) {
    const binding = bindingAt(x);
    if (binding === first) {
      previous = x;
      continue;
    }
    const exact = closedForm(scenario, parameter, x, mode);
    if (exact !== undefined && exact > previous && exact <= x) {
      const below = bindingAt(exact * (1 - 1e-9));
      const above = bindingAt(exact * (1 + 1e-9));
      if (below === first && above !== first) {
        return E.right({ found: true, parameter: parameterName, value: exact, before: first, after: above, method: "closed-form" });
      }
    }
    let lo = previous;
    let hi = x;
    for (let i = 0; i < 200; i++) {
      if (parameter.integer ? hi - lo <= 1 : hi - lo <= 1e-12 * hi) break;
      const middle = parameter.integer ? Math.floor((lo + hi) / 2) : (lo + hi) / 2;
      if (bindingAt(middle) === first) lo = middle;
      else hi = middle;
    }
    return E.right({ found: true, parameter: parameterName, value: hi, before: first, after: bindingAt(hi), method: "bisection" });
  }
  return E.right({ found: false, parameter: parameterName, binding: first });
};

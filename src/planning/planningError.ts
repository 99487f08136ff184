/** Why a planning question cannot be answered as asked (unknown parameter, empty range, …). */
export interface PlanningError {
  /** Discriminant. */
  readonly _tag: "PlanningError";
  /** Lowercase fragment naming the field, the value and what was expected. */
  readonly message: string;
}

/** Builds a PlanningError. */
export const planningError = (message: string): PlanningError => ({ _tag: "PlanningError", message });

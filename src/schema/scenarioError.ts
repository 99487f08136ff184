/** One problem with a scenario: the field path ("facility.pue") and what is wrong. */
export interface ScenarioIssue {
  /** Dotted field path; "" for the whole document. */
  readonly path: string;
  /** Lowercase fragment naming the value and what was expected. */
  readonly message: string;
}

/** Why a scenario was rejected: every problem found, one per field. */
export interface ScenarioError {
  /** Discriminant. */
  readonly _tag: "ScenarioError";
  /** Every problem found. */
  readonly issues: readonly ScenarioIssue[];
}

/** Builds a ScenarioError. */
export const scenarioError = (issues: readonly ScenarioIssue[]): ScenarioError => ({
  _tag: "ScenarioError",
  issues,
});

/**
 * One line per issue: "facility.pue: expected a ratio in [1, 10], got 0.8".
 * @example formatScenarioError(left) // "facility.pue: expected a ratio in [1, 10], got 0.8"
 */
export const formatScenarioError = (error: ScenarioError): string =>
  error.issues.map((issue) => `${issue.path === "" ? "scenario" : issue.path}: ${issue.message}`).join("\n");

import * as E from "fp-ts/lib/Either.js";
import { formatScenarioError, parseScenario, type Scenario } from "../../src/index.js";

/** Parses a scenario document that the test knows is valid. */
export const scenarioOf = (doc: unknown): Scenario => {
  const parsed = parseScenario(doc);
  if (E.isLeft(parsed)) throw new Error(formatScenarioError(parsed.left));
  return parsed.right;
};

/** Applies a lever the test knows can act. */
export const applied = <S>(result: E.Either<{ message: string }, S>): S => {
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

// token-production/units: dimensions as types, named quantities, typed arithmetic, and the
// mathjs boundary (parse, format). The same names as index.ts (a test checks), except that
// quantitySchema and boundedQuantitySchema are typed as Schema (no zod types in the .d.ts);
// token-production/zod has them with zod's types. The explicit exports below take precedence
// over the star re-export.
export * from "./index.js";
export { boundedQuantitySchema, quantitySchema } from "./quantitySchemaPublic.js";
export type { Schema, SchemaIssue, SchemaResult } from "./publicSchema.js";

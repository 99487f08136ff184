import type { FactoryFunctionMap, MathJsInstance } from "mathjs";

// mathjs parses unit strings at the boundary. It takes ~0.7 s to import, so it is loaded on
// the first unit string, not with the library: in Node synchronously through require
// (process.getBuiltinModule, Node ≥ 20.16), elsewhere after `await preloadUnits()`.
// A private instance: registering FLOP, token, USD on the global one would leak into the
// user's own mathjs.

type MathJsModule = typeof import("mathjs");

let module: MathJsModule | undefined;
let instance: MathJsInstance | undefined;

interface NodeProcess {
  readonly getBuiltinModule?: (name: string) => unknown;
}

const requireInNode = (): MathJsModule | undefined => {
  const nodeProcess = (globalThis as { process?: NodeProcess }).process;
  const getBuiltinModule = nodeProcess?.getBuiltinModule;
  if (typeof getBuiltinModule !== "function") return undefined;
  const nodeModule = getBuiltinModule("module") as { createRequire: (from: string) => (id: string) => unknown };
  return nodeModule.createRequire(import.meta.url)("mathjs") as MathJsModule;
};

const build = (mathjs: MathJsModule): MathJsInstance => {
  const math = mathjs.create(mathjs.all as FactoryFunctionMap, {});
  math.createUnit("FLOP", { prefixes: "short", aliases: ["flop", "FLOPs", "flops"] });
  math.createUnit("FLOPS", { definition: "1 FLOP/s", prefixes: "short" });
  math.createUnit("token", { prefixes: "short", aliases: ["tokens", "tok"] });
  math.createUnit("request", { aliases: ["requests", "req"] });
  math.createUnit("USD", { aliases: ["usd"] });
  math.createUnit("gCO2e", { definition: "1 g", prefixes: "short", aliases: ["gCO2"] });
  return math;
};

/**
 * Loads mathjs ahead of the first unit string. Needed only outside Node (browsers, workers
 * without require); in Node parsing loads it on demand.
 * @example await preloadUnits(); parseQuantity("700 W", power)
 */
export const preloadUnits = async (): Promise<void> => {
  module ??= await import("mathjs");
};

/** The library's private mathjs instance, or undefined when mathjs is not loadable yet. */
export const unitMath = (): MathJsInstance | undefined => {
  if (instance !== undefined) return instance;
  module ??= requireInNode();
  if (module === undefined) return undefined;
  instance = build(module);
  return instance;
};

import { all, create, type FactoryFunctionMap, type MathJsInstance } from "mathjs";

// A private mathjs instance: registering FLOP, token, USD on the global one would leak into
// the user's own mathjs. Built on first use, so importing the model alone never pays for it.
let instance: MathJsInstance | undefined;

const build = (): MathJsInstance => {
  const math = create(all as FactoryFunctionMap, {});
  math.createUnit("FLOP", { prefixes: "short", aliases: ["flop", "FLOPs", "flops"] });
  math.createUnit("FLOPS", { definition: "1 FLOP/s", prefixes: "short" });
  math.createUnit("token", { prefixes: "short", aliases: ["tokens", "tok"] });
  math.createUnit("request", { aliases: ["requests", "req"] });
  math.createUnit("USD", { aliases: ["usd"] });
  math.createUnit("gCO2e", { definition: "1 g", prefixes: "short", aliases: ["gCO2"] });
  return math;
};

/** The library's private mathjs instance with the domain units registered. */
export const unitMath = (): MathJsInstance => (instance ??= build());

import fc from "fast-check";

// One fixed seed for every property test: a failure reproduces on any clone.
fc.configureGlobal({ seed: 20261122, numRuns: 200 });

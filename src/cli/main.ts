#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { runCli } from "./run.js";

// The `tpf` binary: the only place that touches the process, files and standard streams.
const code = runCli(process.argv.slice(2), {
  readText: (path) => readFileSync(path === "-" ? 0 : path, "utf8"),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;

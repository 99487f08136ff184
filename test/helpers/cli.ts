import { runCli, type CliIo } from "../../src/index.js";

/** Runs the CLI in-process on a set of in-memory files; collects its output and exit code. */
export const runWithFiles = (argv: string[], files: Record<string, string> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
};

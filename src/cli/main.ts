#!/usr/bin/env node
import { readFileSync, writeFileSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { runCli, type CliIo } from "./run.js";

// The `tpf` binary: the only place that touches the process, files, standard streams and
// threads. `tpf sweep --workers N` runs N sub-shards of the sweep on worker threads, each the
// same CLI in-thread, and prints their outputs in order (they concatenate like --shard).

const readText = (path: string): string => readFileSync(path === "-" ? 0 : path, "utf8");

interface ThreadResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

const captured = async (argv: readonly string[], stdin: string | undefined): Promise<ThreadResult> => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    readText: (path) => (path === "-" && stdin !== undefined ? stdin : readText(path)),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
};

const flagValue = (argv: readonly string[], flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};

const withoutFlag = (argv: readonly string[], flag: string): string[] => {
  const i = argv.indexOf(flag);
  return i >= 0 ? [...argv.slice(0, i), ...argv.slice(i + 2)] : [...argv];
};

const parallelSweep = async (argv: readonly string[], workers: number): Promise<number> => {
  // Sub-shard i of N inside shard k/n is shard ((k − 1)·N + i)/(n·N): the union is exactly k/n.
  const shard = flagValue(argv, "--shard") ?? "1/1";
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const k = Number(match?.[1] ?? 1);
  const n = Number(match?.[2] ?? 1);
  const base = withoutFlag(withoutFlag(argv, "--workers"), "--shard");
  const stdin = argv.includes("-") ? readText("-") : undefined;
  const jobs = Array.from({ length: workers }, (_, i) => [...base, "--shard", `${(k - 1) * workers + i + 1}/${n * workers}`]);
  const results = await Promise.all(
    jobs.map(
      (job) =>
        new Promise<ThreadResult>((resolve) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { argv: job, stdin } });
          worker.once("message", (message: ThreadResult) => resolve(message));
          worker.once("error", (error) => resolve({ code: 1, out: "", err: `tpf: worker failed: ${error.message}` }));
        }),
    ),
  );
  const failed = results.find((r) => r.code !== 0);
  if (failed !== undefined) {
    process.stderr.write(`${failed.err}\n`);
    return failed.code;
  }
  process.stdout.write(`${results.map((r) => r.out).filter((o) => o !== "").join("\n")}\n`);
  return 0;
};

if (!isMainThread) {
  const { argv, stdin } = workerData as { argv: string[]; stdin?: string };
  void captured(argv, stdin).then((result) => parentPort?.postMessage(result));
} else {
  const argv = process.argv.slice(2);
  const workers = Number(flagValue(argv, "--workers") ?? 1);
  if (argv[0] === "sweep" && Number.isInteger(workers) && workers > 1 && workers <= 256) {
    void parallelSweep(argv, workers).then((code) => {
      process.exitCode = code;
    });
  } else {
    const io: CliIo = {
      readText,
      readBytes: (path) => (path === "-" ? readFileSync(0) : readFileSync(path)),
      writeText: (path, text) => writeFileSync(path, text),
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(text.startsWith("\r") ? text : `${text}\n`),
      errIsTerminal: process.stderr.isTTY === true,
    };
    void Promise.resolve(runCli(argv.includes("--workers") ? withoutFlag(argv, "--workers") : argv, io)).then((code) => {
      process.exitCode = code;
    });
  }
}

// npm run ingest -- [files or folders...]   (default: seeds/)
// Stores every valid article, reports each rejected file with its reason, exits 1 if any was rejected.
import os from "node:os";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { openDatabase } from "../db/client";
import { formatSummary, ingestFiles, listArticleFiles, reportProblems } from "../ingest/run";

const inputs = process.argv.slice(2).filter((a) => a !== "--");
const files = await listArticleFiles(inputs.length ? inputs : [path.join(process.cwd(), "seeds")]);
const handle = await openDatabase();
let exitCode = 1;
try {
  const tty = process.stderr.isTTY;
  const bar = tty
    ? new SingleBar({ format: "ingest {bar} {value}/{total} {file}", hideCursor: true }, Presets.shades_classic)
    : null;
  bar?.start(files.length, 0, { file: "" });
  const summary = await ingestFiles(handle.prisma, files, {
    // two batches in flight keep the database busy while the next one is prepared; more only
    // queue on the same shared rows (measured in docs/benchmarks.md)
    concurrency: handle.kind === "postgres" ? 2 : 1,
    // analysis (CPU) in worker threads, storing (I/O) on this one
    workers: Math.max(1, os.availableParallelism() - 1),
    source: "cli",
    onFile: (file, outcome) => {
      if (bar) bar.increment({ file: path.basename(file) });
      else console.log(`${outcome.padEnd(9)} ${file}`);
    },
  });
  bar?.stop();
  reportProblems(summary);
  console.log(formatSummary(summary));
  exitCode = summary.rejected ? 1 : 0;
} finally {
  await handle.close();
}
// Set after closing: PGlite's WebAssembly runtime resets process.exitCode when it shuts down.
process.exitCode = exitCode;

// A worker thread for ingestFiles({ workers }): parse -> clean -> extract off the main thread, so
// the CPU-bound analysis of one file overlaps the database work of others.
import { parentPort } from "node:worker_threads";
import { analyseFile } from "./run";

parentPort!.on("message", (job: { id: number; file: string; bytes: Uint8Array }) => {
  parentPort!.postMessage({ id: job.id, analysis: analyseFile(job.file, job.bytes) });
});

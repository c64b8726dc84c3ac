// npm run bench [-- step ...]: the benchmarks, each step in its own process (so peak memory is its own).
//   npm run bench                     analyse, ingest 1000 and 10000, copyall, replicate to 100000, serve, explain
//   npm run bench -- ingest [N...]    ingestion into moxing_bench_<N> beside the COPY floor
//   npm run bench -- copyall [N]      every row ingestion stored in moxing_bench_<N>, COPYed into the same schema
//   npm run bench -- replicate        moxing_bench_100000 from moxing_bench_10000 (x10, SQL copy)
//   npm run bench -- serve [N...]     next start + autocannon per route beside /api/ping
//   npm run bench -- explain [N]      EXPLAIN ANALYZE of the hot queries
//   npm run bench -- soak [seconds]   sustained load on / and /api/events (default 60 s) at 10000
//   npm run bench -- reextract [N]    npm run reextract over N stored articles beside their ingestion
//   npm run bench -- analyse [N]      parse + clean + extract of the seed and the labelled corpus, N rounds
//   npm run bench -- properties [N]   the pipeline's property tests with N cases each (default 5000
//                                     pure, N/50 stored) and a fresh random seed, printed to replay
// Needs PostgreSQL on 127.0.0.1:5432 (BENCH_ADMIN_URL to change). Output in bench/out/.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const argv = process.argv.slice(2).filter((a) => a !== "--");
const [step, ...rest] = argv;
mkdirSync("bench/out", { recursive: true });

function node(script: string, args: string[], flags: string[] = []) {
  console.log(`\n$ node ${flags.join(" ")} --import tsx ${script} ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [...flags, "--import", "tsx", script, ...args], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (${r.status ?? r.signal})`);
}

const ingest = (sizes: string[]) => {
  for (const n of sizes.length ? sizes : ["1000", "10000"]) node("bench/ingest.ts", [n], ["--expose-gc"]);
};
const copyAll = (n = "10000") => node("bench/copy-all.ts", [n]);
const replicate = () => node("bench/replicate.ts", ["10000", "10"]);
const serve = (sizes: string[]) => node("bench/serve.ts", sizes.length ? sizes : ["10000", "100000"]);
const explain = (n = "100000") => node("bench/explain.ts", [n], ["--conditions=react-server"]);
const soak = (seconds = "60") => node("bench/serve.ts", ["10000", "--soak", seconds]);
const analyse = (n = "1000") => node("bench/analyse.ts", [n]);
const properties = (n = "5000") => {
  const seed = String(Math.floor(Math.random() * 2 ** 31));
  console.log(`\nproperty tests, seed ${seed} (replay: FC_SEED=${seed} FC_RUNS=<n> npx vitest run <file>)`);
  for (const [project, file, runs] of [
    ["unit", "tests/unit/pipeline-properties.test.ts", n],
    ["integration", "tests/integration/pipeline-properties.test.ts", String(Math.max(4, Math.round(Number(n) / 50)))],
  ] as const) {
    const r = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--project", project, file], {
      stdio: "inherit",
      env: { ...process.env, FC_SEED: seed, FC_RUNS: runs },
    });
    if (r.status !== 0) throw new Error(`${file} failed with seed ${seed}`);
  }
};

switch (step) {
  case undefined:
    analyse();
    ingest([]);
    copyAll();
    replicate();
    serve([]);
    explain();
    break;
  case "ingest":
    ingest(rest);
    break;
  case "copyall":
    copyAll(rest[0]);
    break;
  case "replicate":
    replicate();
    break;
  case "serve":
    serve(rest);
    break;
  case "explain":
    explain(rest[0]);
    break;
  case "soak":
    soak(rest[0]);
    break;
  case "analyse":
    analyse(rest[0]);
    break;
  case "properties":
    properties(rest[0]);
    break;
  case "reextract":
    node("bench/reextract.ts", [rest[0] ?? "1000"]);
    break;
  default:
    console.error(
      `unknown step ${step}: ingest | copyall | replicate | serve | explain | soak | properties | reextract`,
    );
    process.exit(2);
}

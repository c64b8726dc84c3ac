// The query helpers' results, kept between writes. The data changes only when something writes it (the
// ingestion CLI, an upload, a review), and every write sends NOTIFY moxing_data_changed (a trigger on
// every table, migration *_change_notify), so a server keeps what it read until the next notification.
//
// - A result is kept only while this process is LISTENing: when that connection drops (database down or
//   restarted), everything is dropped and every call reads the database again (and fails as it would
//   without the cache) until the connection is back.
// - An entry remembers the generation it was read in; a notification starts a new one, so a read that was
//   under way when the data changed is never served afterwards.
// - Entries also expire after MOXING_QUERY_CACHE_TTL_MS (default 60 s): with a read replica, a read that
//   follows a notification may still see the replica's older data.
// - Results are frozen: they are shared by every request, so a caller that changed one would change it
//   for all (a TypeError instead).
// - On by default inside the Next.js server; MOXING_QUERY_CACHE=off turns it off, =on turns it on
//   elsewhere (tests).
import { LRUCache } from "lru-cache";
import { getDbHandle } from "./client";

export const CHANGE_CHANNEL = "moxing_data_changed";

interface Entry {
  generation: number;
  value: Promise<unknown>;
}

interface State {
  generation: number;
  listening: boolean;
  /** set once the first cached call starts listening */
  started: boolean;
  retryMs: number;
  stop: (() => Promise<void>) | null;
  retry: NodeJS.Timeout | null;
  entries: LRUCache<string, Entry>;
}

const MAX_ENTRIES = 2000;
const RETRY_MS = { first: 250, max: 5000 };

// On globalThis: Next.js may load this module in more than one bundle of the same process.
const shared = globalThis as unknown as { moxingQueryCache?: State };
const state: State = (shared.moxingQueryCache ??= {
  generation: 0,
  listening: false,
  started: false,
  retryMs: RETRY_MS.first,
  stop: null,
  retry: null,
  entries: new LRUCache<string, Entry>({
    max: MAX_ENTRIES,
    ttl: Number(process.env.MOXING_QUERY_CACHE_TTL_MS) || 60_000,
  }),
});

function enabled(): boolean {
  const setting = process.env.MOXING_QUERY_CACHE;
  if (setting) return setting !== "off";
  return Boolean(process.env.NEXT_RUNTIME);
}

/**
 * fn with its results kept until the data changes. name must be unique among cached helpers; the
 * arguments are part of the key (as JSON), so they must be plain data.
 */
export function cachedQuery<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args: A) => {
    if (!enabled()) return fn(...args);
    if (!state.started) startListening();
    if (!state.listening) return fn(...args);
    const key = `${name}${JSON.stringify(args)}`;
    const generation = state.generation;
    const hit = state.entries.get(key);
    if (hit && hit.generation === generation) return hit.value as Promise<R>;
    const value = fn(...args).then(deepFreeze);
    state.entries.set(key, { generation, value });
    value.catch(() => {
      if (state.entries.get(key)?.value === value) state.entries.delete(key);
    });
    return value;
  };
}

/** Drops every kept result. Writers in this process call it after they commit (the notification also comes, later). */
export function invalidateQueryCache(): void {
  state.generation++;
  state.entries.clear();
}

export interface QueryCacheStatus {
  enabled: boolean;
  /** the first cached call has started listening */
  started: boolean;
  /** results are being kept (notifications arrive) */
  listening: boolean;
  generation: number;
  entries: number;
}

/** What the cache holds and whether it is in use (the status page, tests). */
export function queryCacheStatus(): QueryCacheStatus {
  const { started, listening, generation } = state;
  return { enabled: enabled(), started, listening, generation, entries: state.entries.size };
}

/** Stops listening and drops everything (tests, shutdown). The next cached call starts again. */
export async function stopQueryCache(): Promise<void> {
  if (state.retry) clearTimeout(state.retry);
  const stop = state.stop;
  Object.assign(state, { started: false, listening: false, stop: null, retry: null, retryMs: RETRY_MS.first });
  invalidateQueryCache();
  await stop?.().catch(() => {});
}

function startListening() {
  state.started = true;
  void connect();
}

async function connect() {
  state.retry = null;
  try {
    const handle = await getDbHandle();
    const stop = await handle.listen(CHANGE_CHANNEL, invalidateQueryCache, lost);
    if (!state.started) return void (await stop()); // stopped meanwhile
    state.stop = stop;
    // whatever changed while nobody listened
    invalidateQueryCache();
    state.listening = true;
    state.retryMs = RETRY_MS.first;
  } catch {
    scheduleRetry();
  }
}

function lost() {
  state.listening = false;
  state.stop = null;
  invalidateQueryCache();
  scheduleRetry();
}

function scheduleRetry() {
  if (!state.started || state.retry) return;
  state.retry = setTimeout(() => void connect(), state.retryMs);
  state.retry.unref();
  state.retryMs = Math.min(state.retryMs * 2, RETRY_MS.max);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// One owner for an embedded (PGlite) data directory. PGlite does not refuse a second process that
// opens the same directory; two processes writing it corrupt it. So the process that opens it first
// holds a lock file beside it and serves the PostgreSQL wire protocol on a Unix socket there; every
// other process (the ingestion CLI, psql) reaches the same database through that socket.
import { randomUUID } from "node:crypto";
import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";

/** What the lock file says about the process that owns a data directory. */
export interface OwnerInfo {
  pid: number;
  /** the kernel's start time of that process (guards against a reused pid), when known */
  startTime: string | null;
  /** the directory holding `.s.PGSQL.5432`, once the owner serves it */
  socketDir: string | null;
  command: string;
  since: string;
  token: string;
}

/** The folder beside a data directory that holds its lock file (and usually its socket). */
export function runDirFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.run`;
}

function lockPathFor(dataDir: string): string {
  return path.join(runDirFor(dataDir), "owner.json");
}

function startTimeOf(pid: number): string | null {
  try {
    // field 22 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces)
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** True when the process the lock names is still the one that wrote it. */
function isAlive(owner: Pick<OwnerInfo, "pid" | "startTime">): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = startTimeOf(owner.pid);
  return owner.startTime === null || now === null || now === owner.startTime;
}

export function readOwner(dataDir: string): OwnerInfo | null {
  try {
    return JSON.parse(readFileSync(lockPathFor(dataDir), "utf8")) as OwnerInfo;
  } catch {
    return null;
  }
}

export type Claim =
  | { owned: true; info: OwnerInfo; publish(socketDir: string): void; release(): void }
  | { owned: false; owner: OwnerInfo };

/**
 * Takes the lock of dataDir, or says who holds it. A lock left by a process that is gone (kill -9,
 * power loss) is cleared first. Atomic: the lock is written whole to a temporary file and linked
 * into place, which fails if another process linked first.
 */
export function claimDataDir(dataDir: string): Claim {
  const runDir = runDirFor(dataDir);
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const lockPath = lockPathFor(dataDir);
  const info: OwnerInfo = {
    pid: process.pid,
    startTime: startTimeOf(process.pid),
    socketDir: null,
    command: process.argv
      .slice(1, 3)
      .map((a) => path.basename(a))
      .join(" "),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    const tmp = `${lockPath}.${process.pid}.${attempt}.tmp`;
    writeFileSync(tmp, JSON.stringify(info));
    try {
      linkSync(tmp, lockPath);
      return ownedClaim(lockPath, info);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(tmp, { force: true });
    }
    const owner = readOwner(dataDir);
    if (owner && isAlive(owner)) return { owned: false, owner };
    clearStaleLock(lockPath);
  }
  throw new Error(`could not take the lock ${lockPath}: it keeps changing hands`);
}

function ownedClaim(lockPath: string, info: OwnerInfo): Claim {
  return {
    owned: true,
    info,
    publish(socketDir) {
      info.socketDir = socketDir;
      const tmp = `${lockPath}.${process.pid}.publish.tmp`;
      writeFileSync(tmp, JSON.stringify(info));
      // rename over the lock we hold: readers see the old or the new content, never a partial one
      renameSync(tmp, lockPath);
    },
    release() {
      const current = (() => {
        try {
          return JSON.parse(readFileSync(lockPath, "utf8")) as OwnerInfo;
        } catch {
          return null;
        }
      })();
      if (current?.token === info.token) rmSync(lockPath, { force: true });
    },
  };
}

/**
 * Removes a lock whose owner is gone. A directory made with mkdir (atomic) serialises the clearers,
 * and the lock is re-read inside it, so a lock that a live process took meanwhile is never removed.
 */
function clearStaleLock(lockPath: string) {
  const mutex = `${lockPath}.clearing`;
  try {
    mkdirSync(mutex);
  } catch {
    // another process is clearing it; a mutex older than 10 s was left by one that died meanwhile
    try {
      if (Date.now() - statSync(mutex).mtimeMs > 10_000) rmdirSync(mutex);
    } catch {}
    sleepSync(50);
    return;
  }
  try {
    let current: OwnerInfo | null = null;
    let raw = "";
    try {
      raw = readFileSync(lockPath, "utf8");
      current = JSON.parse(raw) as OwnerInfo;
    } catch {
      // unreadable: a lock from before this format, or a torn write; only clear it once it is old
      try {
        if (raw && Date.now() - statSync(lockPath).mtimeMs < 5_000) return;
      } catch {
        return; // already gone
      }
    }
    if (current && isAlive(current)) return;
    rmSync(lockPath, { force: true });
    // its socket went with it
    if (current?.socketDir) rmSync(path.join(current.socketDir, ".s.PGSQL.5432"), { force: true });
  } finally {
    rmdirSync(mutex);
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A directory for the socket: beside the data directory when the path fits a Unix socket's limit. */
export function socketDirFor(dataDir: string): string {
  const beside = runDirFor(dataDir);
  if (path.join(beside, ".s.PGSQL.5432").length <= 100) return beside;
  return mkdtempSync(path.join(os.tmpdir(), "moxing-sock-"));
}

/** How long a client may hold the database inside an open transaction without sending anything. */
const IDLE_IN_TRANSACTION_MS = Number(process.env.MOXING_EMBEDDED_IDLE_TX_MS) || 30_000;

const READY_IDLE = [0x5a, 0, 0, 0, 5, 0x49]; // ReadyForQuery, status 'I' (idle, no transaction)
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const ROLLBACK = (() => {
  const text = new TextEncoder().encode("ROLLBACK\0");
  const msg = new Uint8Array(5 + text.length);
  msg[0] = 0x51; // 'Q'
  new DataView(msg.buffer).setInt32(1, 4 + text.length);
  msg.set(text, 5);
  return msg;
})();

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (n: number) => void;
  reject: (e: Error) => void;
}

/**
 * Runs the socket clients' protocol messages on the owner's PGlite, one client at a time and one
 * unit of work at a time: from a client's first message until the database answers "idle, no
 * transaction". Until then no other client and no query of the owner's own (Prisma, in-process)
 * runs, so a client's transaction or extended-protocol exchange is never interleaved with another's.
 * (pglite-socket's own queue switches clients between any two messages, which is only safe when
 * every client sends simple queries outside transactions.)
 */
class UnitOfWorkGate {
  private queue: Queued[] = [];
  private holder: number | null = null;
  private releasePglite: (() => void) | null = null;
  private processing = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private tail: number[] = [];
  /** handlers to disconnect when they sat idle in a transaction */
  readonly onAbandon = new Map<number, () => void>();

  constructor(
    private readonly db: PGlite,
    private readonly idleMs = IDLE_IN_TRANSACTION_MS,
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const i = this.holder === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.holder);
        if (i < 0 || i >= this.queue.length) return; // the holder is thinking: wait for its next message
        const [item] = this.queue.splice(i, 1);
        if (this.holder === null) await this.acquire(item.handlerId);
        this.clearIdleTimer();
        let bytes = 0;
        try {
          await this.db.execProtocolRawStream(item.message, {
            onRawData: (data) => {
              bytes += data.length;
              this.remember(data);
              item.onData(data);
            },
          });
        } catch (error) {
          item.reject(error as Error);
          await this.abandon(item.handlerId);
          continue;
        }
        item.resolve(bytes);
        if (this.endsIdle()) this.release();
        else this.startIdleTimer(item.handlerId);
      }
    } finally {
      this.processing = false;
    }
  }

  /** Holds PGlite's transaction and query locks, so the owner's own queries wait their turn. */
  private async acquire(handlerId: number) {
    await new Promise<void>((acquired) => {
      void this.db._runExclusiveTransaction(() =>
        this.db._runExclusiveQuery(
          () =>
            new Promise<void>((release) => {
              this.releasePglite = release;
              acquired();
            }),
        ),
      );
    });
    this.holder = handlerId;
    this.tail = [];
  }

  private release() {
    this.clearIdleTimer();
    this.holder = null;
    const release = this.releasePglite;
    this.releasePglite = null;
    release?.();
  }

  private remember(data: Uint8Array) {
    const keep = this.tail.concat(Array.from(data.subarray(Math.max(0, data.length - READY_IDLE.length))));
    this.tail = keep.slice(-READY_IDLE.length);
  }

  private endsIdle(): boolean {
    return this.tail.length === READY_IDLE.length && this.tail.every((b, i) => b === READY_IDLE[i]);
  }

  private startIdleTimer(handlerId: number) {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      void this.abandon(handlerId).then(() => this.onAbandon.get(handlerId)?.());
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Ends what a client left open (an exchange without Sync, a transaction) and frees the database. */
  private async abandon(handlerId: number) {
    if (this.holder !== handlerId) return;
    try {
      await this.db.execProtocolRawStream(SYNC, { onRawData: () => {} });
      if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, { onRawData: () => {} });
    } finally {
      this.release();
      void this.process();
    }
  }

  // The two calls PGLiteSocketHandler makes when its client goes away.
  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("the client disconnected"));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number) {
    await this.abandon(handlerId);
  }
}

export interface OwnerSocket {
  socketDir: string;
  /** clients connected now */
  clients(): number;
  /** stops taking connections; waits up to graceMs for connected clients to finish, then ends them */
  close(graceMs?: number): Promise<void>;
}

/** Serves db on `<socketDir>/.s.PGSQL.5432` (owner only). */
export async function serveOwnerSocket(
  db: PGlite,
  socketDir: string,
  options: { idleMs?: number } = {},
): Promise<OwnerSocket> {
  const socketPath = path.join(socketDir, ".s.PGSQL.5432");
  rmSync(socketPath, { force: true }); // left by a previous owner that was killed; we hold the lock
  const gate = new UnitOfWorkGate(db, options.idleMs);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = net.createServer((socket) => {
    // PGLiteSocketHandler frames the protocol and cleans up on disconnect; the gate decides order.
    const handler = new PGLiteSocketHandler({ queryQueue: gate as never, closeOnDetach: true });
    handlers.add(handler);
    gate.onAbandon.set(handler.handlerId, () => void handler.detach(true));
    const forget = () => {
      handlers.delete(handler);
      gate.onAbandon.delete(handler.handlerId);
    };
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    void handler.attach(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  return {
    socketDir,
    clients: () => handlers.size,
    close: async (graceMs = 30_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + graceMs;
      while (handlers.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      for (const h of [...handlers]) await h.detach(true);
      await closed;
      rmSync(socketPath, { force: true });
    },
  };
}

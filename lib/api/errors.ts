// The one place that turns an error into an HTTP status: every JSON route, export and feed goes
// through `errorResponse`. Invalid input -> 400 with the zod issues, unknown item -> 404, database
// unreachable -> 503, anything else -> 500. Bodies are JSON and never carry a stack trace.
import { ZodError, type z } from "zod";
import { securityHeaders } from "./headers";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string) {
    super(404, `${what} not found`);
  }
}

interface ApiIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

function toIssues(issues: z.core.$ZodIssue[]): ApiIssue[] {
  return issues.map((i) => ({
    code: i.code,
    path: i.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number"),
    message: i.message,
  }));
}

// Codes that mean "the database is not there" rather than "the query is wrong".
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EPIPE",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024", // Prisma: can't reach, timed out, closed, pool timeout
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08006", // PostgreSQL: shutdown, too many connections, connection failures
]);

/** True when the error (or one it wraps) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Walk the error's causes; Prisma keeps the driver's error (with the server's SQLSTATE, e.g.
  // 57P01 when PostgreSQL shuts down mid-query) in meta.driverAdapterError.
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length && seen < 16; seen++) {
    const e = pending.pop();
    if (!e || typeof e !== "object") continue;
    const x = e as {
      name?: unknown;
      code?: unknown;
      kind?: unknown;
      cause?: unknown;
      errors?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (x.name === "PrismaClientInitializationError") return true;
    if (typeof x.code === "string" && UNREACHABLE_CODES.has(x.code)) return true;
    if (x.kind === "DatabaseNotReachable" || x.kind === "SocketTimeout" || x.kind === "ConnectionClosed") return true;
    if (Array.isArray(x.errors)) pending.push(...(x.errors as unknown[])); // AggregateError
    pending.push(x.cause, x.meta?.driverAdapterError);
  }
  return false;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...securityHeaders(), "Cache-Control": "no-store", ...headers } });
}

/** The JSON response for any error thrown while answering a request. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) return json(400, { error: "invalid parameters", issues: toIssues(error.issues) });
  if (error instanceof HttpError) return json(error.status, { error: error.message }, error.headers);
  if (isDatabaseUnavailable(error)) {
    console.error("database unavailable:", (error as Error)?.message ?? error);
    return json(503, { error: "database unavailable, try again later" }, { "Retry-After": "5" });
  }
  const id = crypto.randomUUID();
  console.error(`internal error ${id}:`, error);
  return json(500, { error: "internal error", requestId: id });
}

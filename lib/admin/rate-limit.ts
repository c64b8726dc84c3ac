// In-memory token buckets per client (one server process). Every admin request takes a token;
// a failed authentication takes several, so guessing the token is slow as well as hopeless.
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    /** tokens regained per second */
    readonly refillPerSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes `cost` tokens for `key`; when there are too few, says how many seconds to wait. */
  take(key: string, cost = 1, now = Date.now()): { ok: true } | { ok: false; retryAfter: number } {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.refillPerSecond);
    b.at = now;
    if (b.tokens < cost) {
      this.remember(key, b);
      return { ok: false, retryAfter: Math.max(1, Math.ceil((cost - b.tokens) / this.refillPerSecond)) };
    }
    b.tokens -= cost;
    this.remember(key, b);
    return { ok: true };
  }

  private remember(key: string, b: { tokens: number; at: number }) {
    this.buckets.delete(key);
    this.buckets.set(key, b);
    // Forget the least recently seen clients first (Map keeps insertion order).
    while (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }

  reset() {
    this.buckets.clear();
  }
}

export const FAILED_AUTH_COST = 10;

const slot = globalThis as unknown as { moxingAdminLimiter?: TokenBuckets };
/** The process's admin limiter: bursts of 60 requests, then one a second. */
export const adminLimiter = (slot.moxingAdminLimiter ??= new TokenBuckets(60, 1));

/**
 * The client's address as the server saw it. Next fills X-Forwarded-For with the socket address
 * unless the request already carries one; behind a reverse proxy the last entry is the proxy's view.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  return last || request.headers.get("x-real-ip") || "unknown";
}

// A shared HTTP cache in front of a server, as a CDN or reverse proxy would be: it stores what the
// response headers allow (RFC 9111 rules, as implemented by http-cache-semantics with shared: true),
// serves it while fresh, and revalidates it with the stored validators afterwards. On loopback only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import CachePolicy from "http-cache-semantics";

interface Stored {
  policy: CachePolicy;
  status: number;
  body: Buffer;
}

export interface SharedCache {
  url: string;
  /** served from the store without asking the origin / revalidated with a 304 / fetched whole */
  counts: { fresh: number; revalidated: number; fetched: number };
  close: () => Promise<void>;
}

function forward(origin: URL, req: http.IncomingMessage, headers: http.IncomingHttpHeaders) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const upstream = http.request(
      {
        host: origin.hostname,
        port: origin.port,
        path: req.url,
        method: req.method,
        headers: { ...headers, host: origin.host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    upstream.on("error", reject);
    upstream.end();
  });
}

function policyRequest(req: http.IncomingMessage): CachePolicy.Request {
  return { url: req.url, method: req.method, headers: req.headers };
}

export async function startSharedCache(originBase: string): Promise<SharedCache> {
  const origin = new URL(originBase);
  const store = new Map<string, Stored>();
  const counts = { fresh: 0, revalidated: 0, fetched: 0 };
  const send = (res: http.ServerResponse, status: number, headers: CachePolicy.Headers, body: Buffer) => {
    res.writeHead(status, headers as http.OutgoingHttpHeaders);
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      const key = req.url ?? "/";
      const preq = policyRequest(req);
      const stored = store.get(key);
      if (stored && stored.policy.satisfiesWithoutRevalidation(preq)) {
        counts.fresh++;
        return send(res, stored.status, stored.policy.responseHeaders(), stored.body);
      }
      if (stored) {
        const answer = await forward(origin, req, stored.policy.revalidationHeaders(preq));
        const { policy, modified } = stored.policy.revalidatedPolicy(preq, {
          status: answer.status,
          headers: answer.headers,
        });
        if (!modified) {
          counts.revalidated++;
          store.set(key, { ...stored, policy });
          return send(res, stored.status, policy.responseHeaders(), stored.body);
        }
        store.delete(key);
        counts.fetched++;
        const fresh = new CachePolicy(preq, { status: answer.status, headers: answer.headers }, { shared: true });
        if (fresh.storable()) store.set(key, { policy: fresh, status: answer.status, body: answer.body });
        return send(res, answer.status, answer.headers, answer.body);
      }
      const answer = await forward(origin, req, req.headers);
      counts.fetched++;
      const policy = new CachePolicy(preq, { status: answer.status, headers: answer.headers }, { shared: true });
      if (policy.storable()) store.set(key, { policy, status: answer.status, body: answer.body });
      send(res, answer.status, answer.headers, answer.body);
    })().catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

// Helpers shared by the route handlers: parse parameters, answer JSON, funnel errors to errors.ts.
import type { z } from "zod";
import { searchParamsObject } from "@/lib/validations/api";
import { errorResponse } from "./errors";
import { PUBLIC_CACHE_CONTROL, securityHeaders } from "./headers";

/** The query string parsed with `schema`; a ZodError (-> 400) when it does not fit. */
export function parseQuery<T extends z.ZodType>(schema: T, request: Request): z.infer<T> {
  const result = schema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!result.success) throw result.error;
  return result.data;
}

/** Route params (already awaited) parsed with `schema`. */
export function parseParams<T extends z.ZodType>(schema: T, params: unknown): z.infer<T> {
  const result = schema.safeParse(params);
  if (!result.success) throw result.error;
  return result.data;
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { ...securityHeaders(), "Cache-Control": "no-store", ...init.headers },
  });
}

/** JSON of the public read API (see PUBLIC_CACHE_CONTROL). */
export function publicJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return json(body, { ...init, headers: { "Cache-Control": PUBLIC_CACHE_CONTROL, ...init.headers } });
}

/** Wraps a handler so that anything it throws becomes errors.ts's JSON answer. */
export function handler<C = unknown>(fn: (request: Request, context: C) => Response | Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await fn(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API" };

type Json = Record<string, unknown>;
interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
}

/** A scalar of the document as text; anything else (absent, an object) as nothing. */
function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** A short type for a parameter's schema: enum values, integer range, pattern. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).join(" | ");
  const parts = [text(schema.type)];
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    parts.push(`${text(schema.minimum)}–${text(schema.maximum)}`);
  if (schema.pattern) parts.push(`/${text(schema.pattern)}/`);
  return parts.join(" ");
}

const METHOD_TONE: Record<string, string> = { get: "bg-ok-soft text-ok", post: "bg-info-soft text-info" };

export default async function ApiDocsPage() {
  const zh = (await getLocale()) === "zh";
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>).map(([method, op]) => ({ path, method, op })),
  );
  const tags = (doc.tags ?? []).map((t) => t.name);
  return (
    <>
      <PageHeader
        title={zh ? "数据接口（API）" : "API"}
        subtitle={
          zh
            ? "只读 JSON 接口、CSV 导出与 Atom 订阅。每个事件和数据声明都附带证据：文章 id、原文链接与引用的句子。"
            : "Read-only JSON, CSV exports and Atom feeds. Every event and claim carries its evidence: article id, original URL and the quoted sentence."
        }
        actions={
          <a
            href="/api/openapi.json"
            className="inline-flex h-10 items-center rounded-md border border-line-strong px-3 text-sm font-medium text-brand hover:bg-brand-soft"
          >
            openapi.json
          </a>
        }
      />
      <Card className="mb-6">
        <CardBody className="space-y-2 text-sm text-ink-2">
          <p>{doc.info.description}</p>
          <p>
            {zh ? "示例：" : "Example: "}
            <code className="rounded bg-subtle px-1.5 py-0.5 text-ink">
              curl &apos;/api/events?vendor=tencent&amp;from=2023-07&amp;limit=10&apos;
            </code>
          </p>
        </CardBody>
      </Card>
      <div className="space-y-6">
        {tags.map((tag) => (
          <Card key={tag}>
            <CardHeader title={tag} id={`tag-${tag.toLowerCase()}`} />
            <CardBody className="space-y-6">
              {ops
                .filter(({ op }) => ((op.tags as string[] | undefined) ?? []).includes(tag))
                .map(({ path, method, op }) => {
                  const params = (op.parameters as Param[] | undefined) ?? [];
                  const responses = Object.entries((op.responses as Record<string, { description?: string }>) ?? {});
                  return (
                    <section
                      key={`${method} ${path}`}
                      id={text(op.operationId)}
                      aria-label={`${method.toUpperCase()} ${path}`}
                    >
                      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                        <span
                          className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase ${METHOD_TONE[method] ?? "bg-subtle"}`}
                        >
                          {method}
                        </span>
                        <span className="font-semibold text-ink">{path}</span>
                      </h3>
                      <p className="mt-1 text-sm text-ink-2">{text(op.summary)}</p>
                      {params.length ? (
                        <div className="mt-2 overflow-x-auto">
                          <table className="w-full min-w-[36rem] text-left text-sm">
                            <thead className="text-xs text-ink-3">
                              <tr>
                                <th className="py-1 pr-3 font-medium">{zh ? "参数" : "Parameter"}</th>
                                <th className="py-1 pr-3 font-medium">{zh ? "位置" : "In"}</th>
                                <th className="py-1 pr-3 font-medium">{zh ? "类型" : "Type"}</th>
                                <th className="py-1 font-medium">{zh ? "说明" : "Description"}</th>
                              </tr>
                            </thead>
                            <tbody className="divide-y divide-line">
                              {params.map((p) => (
                                <tr key={`${p.in}-${p.name}`}>
                                  <td className="py-1 pr-3 font-mono text-ink">
                                    {p.name}
                                    {p.required ? <span className="text-warn">*</span> : null}
                                  </td>
                                  <td className="py-1 pr-3 text-ink-3">{p.in}</td>
                                  <td className="py-1 pr-3 font-mono text-xs text-ink-2">{typeOf(p.schema)}</td>
                                  <td className="py-1 text-ink-2">{p.description ?? ""}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      ) : null}
                      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-3">
                        {responses.map(([code, r]) => (
                          <li key={code}>
                            <span className="font-mono font-semibold text-ink-2">{code}</span> {r.description}
                          </li>
                        ))}
                      </ul>
                    </section>
                  );
                })}
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}

"use client";
// Paste or choose article files, preview what would be extracted (nothing is written), then save.
// Everything shown comes back from the server as data and is rendered as text.
import { useState } from "react";
import type { PreviewFile } from "@/lib/admin/preview";
import { adminStrings } from "./strings";

interface SaveSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { file: string; formatted: string }[];
}

type Names = { zh: string; en: string | null };
const nameOf = (n: Names | undefined | null) => (n ? (n.en && n.en !== n.zh ? `${n.zh} (${n.en})` : n.zh) : "");

export function IngestForm({
  locale,
  maxFileBytes,
  maxFiles,
}: {
  locale: string;
  maxFileBytes: number;
  maxFiles: number;
}) {
  const t = adminStrings(locale);
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewFile[] | null>(null);
  const [saved, setSaved] = useState<SaveSummary | null>(null);

  const body = () => {
    const form = new FormData();
    if (text.trim()) form.append("text", text);
    for (const f of files) form.append("files", f, f.name);
    return form;
  };

  async function send(path: string): Promise<unknown> {
    const res = await fetch(path, { method: "POST", body: body(), credentials: "same-origin" });
    const data: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const message = data && typeof data === "object" && "error" in data ? String(data.error) : res.statusText;
      throw new Error(`${res.status} ${message}`);
    }
    return data;
  }

  async function run(kind: "preview" | "save") {
    if (!text.trim() && files.length === 0) {
      setError(t.noInput);
      return;
    }
    setBusy(true);
    setError(null);
    if (kind === "save") setSaved(null);
    try {
      if (kind === "preview") {
        setSaved(null);
        setPreview(((await send("/api/admin/preview")) as { files: PreviewFile[] }).files);
      } else {
        setSaved((await send("/api/admin/ingest")) as SaveSummary);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const tooMany = files.length > maxFiles;
  const tooLarge = files.filter((f) => f.size > maxFileBytes);

  return (
    <div className="space-y-6">
      <form
        className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-5"
        onSubmit={(e) => {
          e.preventDefault();
          void run("preview");
        }}
      >
        <label className="block text-sm font-medium text-ink">
          {t.paste}
          <textarea
            name="text"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPreview(null);
              setSaved(null);
            }}
            rows={10}
            placeholder={t.pastePlaceholder}
            lang="zh-CN"
            className="mt-1 block w-full rounded-md border border-line-strong bg-surface p-3 font-mono text-sm text-ink"
          />
        </label>
        <label className="block text-sm font-medium text-ink">
          {t.files}
          <input
            key={inputKey}
            name="files"
            type="file"
            multiple
            accept=".txt,text/plain"
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setPreview(null);
              setSaved(null);
            }}
            className="mt-1 block w-full text-sm text-ink-2"
          />
        </label>
        {tooMany || tooLarge.length ? (
          <p role="alert" className="text-sm text-warn">
            {tooMany ? `≤ ${maxFiles} files. ` : ""}
            {tooLarge.map((f) => `${f.name}: > ${Math.round(maxFileBytes / 1024)} KB`).join("; ")}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={busy}
            className="h-11 rounded-md bg-brand px-4 font-medium text-on-brand hover:bg-brand-strong disabled:opacity-60"
          >
            {busy ? t.working : t.preview}
          </button>
          <button
            type="button"
            disabled={busy || !preview || preview.every((p) => !p.ok)}
            onClick={() => void run("save")}
            className="h-11 rounded-md border border-brand px-4 font-medium text-brand hover:bg-brand-soft disabled:opacity-50"
          >
            {t.save}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setText("");
              setFiles([]);
              setInputKey((k) => k + 1);
              setPreview(null);
              setSaved(null);
              setError(null);
            }}
            className="h-11 rounded-md px-3 text-sm text-ink-2 hover:text-ink"
          >
            {t.clear}
          </button>
        </div>
        {error ? (
          <p role="alert" className="text-sm text-warn">
            {t.error}: {error}
          </p>
        ) : null}
      </form>

      {saved ? (
        <div role="status" className="rounded-xl border border-ok/40 bg-ok-soft p-4 text-sm text-ink">
          <p className="font-medium">{t.saved(saved.created, saved.updated, saved.unchanged, saved.rejected)}</p>
          {saved.rejections.length ? (
            <ul className="mt-2 list-disc pl-5">
              {saved.rejections.map((r, i) => (
                <li key={i} className="font-mono">
                  {r.formatted}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {preview ? (
        <section aria-label={t.preview} className="space-y-4" data-testid="preview">
          {preview.map((p, i) => (
            <PreviewCard key={i} file={p} locale={locale} />
          ))}
        </section>
      ) : null}
    </div>
  );
}

function PreviewCard({ file, locale }: { file: PreviewFile; locale: string }) {
  const t = adminStrings(locale);
  if (!file.ok) {
    return (
      <article className="rounded-xl border border-warn/50 bg-warn-soft p-4">
        <h2 className="text-sm font-semibold text-warn">
          {t.rejected}: {file.file}
        </h2>
        <p className="mt-1 font-mono text-sm text-ink">{file.message}</p>
      </article>
    );
  }
  const outcome = file.outcome === "new" ? t.willCreate : file.outcome === "update" ? t.willUpdate : t.unchanged;
  return (
    <article className="rounded-xl border border-line bg-surface p-4 sm:p-5">
      <header className="mb-3">
        <p className="text-xs text-ink-3">
          {file.file} · <span className="font-medium text-brand">{outcome}</span>
        </p>
        <h2 className="mt-1 text-lg font-semibold text-ink" lang="zh-CN">
          {file.article.title}
        </h2>
        <p className="break-all text-xs text-ink-3">{file.article.url}</p>
      </header>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Section title={`${t.models} (${file.models.length})`} empty={t.none}>
          {file.models.map((m) => (
            <li key={m.key}>
              <span lang="zh-CN">{nameOf(m.names)}</span> <code className="text-xs text-ink-3">{m.key}</code>
              {m.vendor ? <span className="text-ink-3"> · {nameOf(m.vendor.names)}</span> : null}
              <span className="ml-1 text-xs text-ink-3">[{m.curated ? t.curated : t.discovered}]</span>
            </li>
          ))}
        </Section>
        <Section title={`${t.organizations} (${file.organizations.length})`} empty={t.none}>
          {file.organizations.map((o) => (
            <li key={o.key}>
              <span lang="zh-CN">{nameOf(o.names)}</span> <code className="text-xs text-ink-3">{o.key}</code>
              <span className="ml-1 text-xs text-ink-3">
                {o.roles.join(", ")} [{o.curated ? t.curated : t.discovered}]
              </span>
            </li>
          ))}
        </Section>
        <Section title={`${t.industries} (${file.industries.length})`} empty={t.none}>
          {file.industries.map((i) => (
            <li key={i.key}>{nameOf(i.names)}</li>
          ))}
        </Section>
      </div>
      <Section title={`${t.events} (${file.events.length})`} empty={t.none} className="mt-4">
        {file.events.map((e, i) => (
          <li key={i} className="py-1">
            <span className="font-medium">{e.type}</span> · {nameOf(e.model?.names ?? e.organization?.names)}
            {e.date.value ? (
              <span className="text-ink-3">
                {" "}
                · {e.date.value} ({e.date.precision})
              </span>
            ) : null}
            <blockquote lang="zh-CN" className="mt-1 border-l-2 border-brand/50 pl-2 text-ink-2">
              {e.quote}
            </blockquote>
          </li>
        ))}
      </Section>
      <Section title={`${t.claims} (${file.claims.length})`} empty={t.none} className="mt-4">
        {file.claims.map((c, i) => (
          <li key={i} className="py-1">
            <span className="font-medium">
              {c.metric}: {c.bound === "lower" ? "≥ " : c.bound === "approx" ? "≈ " : c.bound === "upper" ? "≤ " : ""}
              {c.value} {c.unit}
            </span>
            {c.asOf.value ? <span className="text-ink-3"> · {c.asOf.value}</span> : null}
            {c.statedBy ? <span className="text-ink-3"> · {nameOf(c.statedBy.names)}</span> : null}
            <blockquote lang="zh-CN" className="mt-1 border-l-2 border-brand/50 pl-2 text-ink-2">
              {c.quote}
            </blockquote>
          </li>
        ))}
      </Section>
    </article>
  );
}

function Section({
  title,
  empty,
  children,
  className,
}: {
  title: string;
  empty: string;
  children: React.ReactNode[];
  className?: string;
}) {
  return (
    <section className={className}>
      <h3 className="mb-1 text-sm font-semibold text-ink">{title}</h3>
      {children.length ? (
        <ul className="space-y-0.5 text-sm text-ink">{children}</ul>
      ) : (
        <p className="text-sm text-ink-3">{empty}</p>
      )}
    </section>
  );
}

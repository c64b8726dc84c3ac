import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "./cn";

const tones = {
  neutral: "bg-subtle text-ink-2 ring-line",
  brand: "bg-brand-soft text-brand ring-brand/25",
  ok: "bg-ok-soft text-ok ring-ok/25",
  warn: "bg-warn-soft text-warn ring-warn/25",
  info: "bg-info-soft text-info ring-info/25",
} as const;

export function Badge({
  children,
  tone = "neutral",
  title,
  className,
}: {
  children: ReactNode;
  tone?: keyof typeof tones;
  title?: string;
  className?: string;
}) {
  return (
    <span
      title={title}
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

const statusTone = { curated: "ok", discovered: "warn", confirmed: "info" } as const;
const statusIcon = { curated: "✓", discovered: "◌", confirmed: "✓✓" } as const;

/** Tells curated (registry), discovered (found in text) and confirmed entities apart. */
export function StatusBadge({ status }: { status: "curated" | "discovered" | "confirmed" }) {
  const t = useTranslations("status");
  return (
    <Badge tone={statusTone[status]} title={t(`${status}Hint`)}>
      <span aria-hidden="true">{statusIcon[status]}</span>
      {t(status)}
    </Badge>
  );
}

export function Chip({ children, href }: { children: ReactNode; href?: string }) {
  const cls = "inline-flex items-center rounded-md border border-line bg-surface px-2 py-0.5 text-xs text-ink-2";
  return href ? (
    <Link href={href} className={cn(cls, "hover:border-brand hover:text-brand")}>
      {children}
    </Link>
  ) : (
    <span className={cls}>{children}</span>
  );
}

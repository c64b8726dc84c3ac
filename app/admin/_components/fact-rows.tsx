// One fact of the review queue each: what was read, how sure, whether reviewed, the sentence it came
// from, and the forms to confirm, reject or edit it.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ClaimQueueItem, EventQueueItem, LinkQueueItem, MentionQueueItem } from "@/lib/admin/fact-queue";
import { EVENT_TYPES } from "@/lib/validations/filters";
import { ConfirmForm, EditForm, Field, inputClass, RejectForm, Sentence, type Target } from "./override-forms";

type Names = { zh: string; en: string | null };
const nameOf = (n: Names) => (n.en && n.en !== n.zh ? `${n.zh} (${n.en})` : n.zh);
const BOUNDS = ["exact", "lower", "upper", "approx"] as const;
const BOUND_SIGN = { exact: "", lower: "≥ ", upper: "≤ ", approx: "≈ " } as const;

function Head({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">{children}</div>;
}

export function Confidence({ value }: { value: number | null }) {
  const t = useTranslations("overrides");
  if (value === null) return null;
  const percent = Math.round(value * 100);
  return (
    <Badge tone={value < 0.6 ? "warn" : "neutral"}>
      <span className="tabular-nums">{t("confidence", { percent })}</span>
    </Badge>
  );
}

export function ReviewedMark({ reviewed }: { reviewed: { at: string; by: string | null } | null }) {
  const t = useTranslations("overrides");
  if (!reviewed) return null;
  const hint = t("reviewedBy", { by: reviewed.by ?? "—", date: reviewed.at.slice(0, 10) });
  return (
    <Badge tone="info" title={hint}>
      <span aria-hidden="true">✎</span>
      {t("reviewed")}
      <span className="sr-only">{hint}</span>
    </Badge>
  );
}

/** Confirm, reject and (when given) edit: the actions every fact row ends with. */
function Actions({ target, back, what, edit }: { target: Target; back: string; what: string; edit?: React.ReactNode }) {
  const t = useTranslations("overrides");
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ConfirmForm target={target} back={back} label={t("confirm")} />
      <RejectForm target={target} back={back} label={t("reject")} placeholder={t("reasonRequired")} what={what} />
      {edit ? (
        <EditForm target={target} back={back} label={t("edit")} save={t("saveEdit")} reason={t("reasonOptional")}>
          {edit}
        </EditForm>
      ) : null}
    </div>
  );
}

export function EventRow({ item, back }: { item: EventQueueItem; back: string }) {
  const t = useTranslations("overrides");
  const types = useTranslations("eventType");
  const subject = [item.model, item.organization].filter((x) => x !== null).map((x) => nameOf(x.names));
  const what = `${types(item.type as (typeof EVENT_TYPES)[number])} ${subject.join(" · ")}`;
  return (
    <div className="space-y-2" data-testid={`fact-event-${item.id}`}>
      <Head>
        <Badge tone="brand">{types(item.type as (typeof EVENT_TYPES)[number])}</Badge>
        <span className="font-medium text-ink tabular-nums">{item.date.value ?? "—"}</span>
        <span className="text-ink" lang="zh-CN">
          {subject.join(" · ")}
        </span>
        <Confidence value={item.confidence} />
        <ReviewedMark reviewed={item.reviewed} />
        {item.sourceCount > 1 ? (
          <span className="text-xs text-ink-3">{t("sources", { count: item.sourceCount })}</span>
        ) : null}
      </Head>
      <Sentence source={item.source} empty={t("noSentence")} />
      <Actions
        target={{ kind: "event", key: item.key }}
        back={back}
        what={what}
        edit={
          <>
            <Field label={t("fields.type")}>
              <select name="type" defaultValue={item.type} className={inputClass}>
                {EVENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {types(type)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("fields.date")}>
              <input
                name="date"
                defaultValue={item.date.value ?? ""}
                pattern="\d{4}(-\d{2}(-\d{2})?)?"
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
            <Field label={t("fields.model")}>
              <input name="model" defaultValue={item.model?.slug ?? ""} list="model-targets" className={inputClass} />
            </Field>
            <Field label={t("fields.organization")}>
              <input
                name="organization"
                defaultValue={item.organization?.slug ?? ""}
                list="organization-targets"
                className={inputClass}
              />
            </Field>
          </>
        }
      />
    </div>
  );
}

export function ClaimRow({ item, back }: { item: ClaimQueueItem; back: string }) {
  const t = useTranslations("overrides");
  const subject = [item.subjectModel, item.subjectOrganization, item.statedBy]
    .filter((x) => x !== null)
    .map((x) => nameOf(x.names));
  const figure = `${BOUND_SIGN[item.bound]}${item.value} ${item.unit}`;
  return (
    <div className="space-y-2" data-testid={`fact-claim-${item.id}`}>
      <Head>
        <code className="text-xs text-ink-3">{item.metric}</code>
        <span className="font-semibold text-ink tabular-nums">{figure}</span>
        {item.asOf.value ? <span className="text-ink-2 tabular-nums">{item.asOf.value}</span> : null}
        <span className="text-ink-2" lang="zh-CN">
          {subject.join(" · ")}
        </span>
        <Confidence value={item.confidence} />
        <ReviewedMark reviewed={item.reviewed} />
      </Head>
      <Sentence source={item.source} empty={t("noSentence")} />
      <Actions
        target={{ kind: "claim", key: item.key }}
        back={back}
        what={`${item.metric} ${figure}`}
        edit={
          <>
            <Field label={t("fields.value")}>
              <input
                name="value"
                defaultValue={String(item.value)}
                inputMode="decimal"
                required
                className={inputClass}
              />
            </Field>
            <Field label={t("fields.unit")}>
              <input name="unit" defaultValue={item.unit} required className={inputClass} />
            </Field>
            <Field label={t("fields.bound")}>
              <select name="bound" defaultValue={item.bound} className={inputClass}>
                {BOUNDS.map((b) => (
                  <option key={b} value={b}>
                    {t(`bound.${b}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("fields.metric")}>
              <input name="metric" defaultValue={item.metric} list="metric-options" required className={inputClass} />
            </Field>
            <Field label={t("fields.asOf")}>
              <input
                name="asOf"
                defaultValue={item.asOf.value ?? ""}
                pattern="\d{4}(-\d{2}(-\d{2})?)?"
                inputMode="numeric"
                className={inputClass}
              />
            </Field>
          </>
        }
      />
    </div>
  );
}

export function LinkRow({ item, back }: { item: LinkQueueItem; back: string }) {
  const t = useTranslations("overrides");
  const subject = item.model ?? item.organization;
  const what = `${subject ? nameOf(subject.names) : "—"} → ${nameOf(item.industry.names)}`;
  return (
    <div className="space-y-2" data-testid={`fact-link-${item.id}`}>
      <Head>
        <span className="text-ink" lang="zh-CN">
          {what}
        </span>
      </Head>
      <Sentence source={item.source} empty={t("noSentence")} />
      <Actions
        target={{
          kind: "industry_link",
          article: item.source.articleId,
          industry: item.industry.slug,
          model: item.model?.slug ?? "",
          organization: item.organization?.slug ?? "",
        }}
        back={back}
        what={what}
      />
    </div>
  );
}

export function MentionRow({ item, back }: { item: MentionQueueItem; back: string }) {
  const t = useTranslations("overrides");
  const what = `“${item.text}” → ${item.entity ? nameOf(item.entity.names) : "—"}`;
  return (
    <div className="space-y-2" data-testid={`fact-mention-${item.id}`}>
      <Head>
        <Badge>{item.entityKind}</Badge>
        <span className="text-ink" lang="zh-CN">
          {what}
        </span>
        <span className="text-xs text-ink-3 tabular-nums">
          {item.start}–{item.end}
        </span>
        <Confidence value={item.confidence} />
      </Head>
      <Sentence source={item.source} empty={t("noSentence")} />
      <Actions
        target={{ kind: "mention", article: item.source.articleId, start: item.start, end: item.end }}
        back={back}
        what={what}
      />
    </div>
  );
}

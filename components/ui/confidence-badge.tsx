import { useTranslations } from "next-intl";
import PRIORS from "@/lib/extract/data/confidence.json";
import { Badge } from "./badge";

/** Below this the extraction is not sure enough to be shown as plain fact. */
const UNCERTAIN_BELOW = PRIORS.uncertainBelow;

/** "Unverified" on a fact the extraction is unsure of (its confidence in the tooltip); nothing otherwise. */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const t = useTranslations("common");
  if (confidence >= UNCERTAIN_BELOW) return null;
  const percent = Math.round(confidence * 100);
  return (
    <Badge tone="warn" title={t("confidenceHint", { percent })}>
      <span aria-hidden="true">?</span>
      {t("unverified")}
      <span className="sr-only">{t("confidenceHint", { percent })}</span>
    </Badge>
  );
}

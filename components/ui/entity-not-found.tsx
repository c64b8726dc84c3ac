import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "./empty-state";

/** The not-found state of an entity page, with a way back to its index. */
export async function EntityNotFound({
  section,
  back,
}: {
  section: "models" | "vendors" | "industries" | "articles";
  back: string;
}) {
  const [t, te] = await Promise.all([getTranslations(section), getTranslations("errors")]);
  return (
    <div className="py-8">
      <h1 className="mb-4 text-2xl font-bold text-ink">{te("notFoundTitle")}</h1>
      <EmptyState
        title={t("notFound")}
        hint={te("notFoundBody")}
        action={
          <Link href={back} className="text-brand hover:underline">
            ← {t("title")}
          </Link>
        }
      />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { DetailSkeleton } from "@/components/ui/detail-skeleton";
import type { Locale } from "@/lib/i18n/config";
import { displayName, type Names } from "@/lib/i18n/format";
import { detailParamsSchema, parseFilters, type RawSearchParams } from "@/lib/validations/filters";

/** The props Next passes to a model, vendor or industry page. */
export type EntityPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

type FindName = (slug: string) => Promise<Names | null>;

type EntityView = (props: { slug: string; mentionCursor?: string }) => Promise<ReactNode>;

/** An entity page's title: the entity's name in the reader's language, or the not-found title. */
export async function entityMetadata({ params }: EntityPageProps, find: FindName): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale() as Promise<Locale>]);
  const found = await find(decodeURIComponent(slug));
  return { title: found ? displayName(found, locale).primary : (await getTranslations("errors"))("notFoundTitle") };
}

/** An entity page: a 404 before streaming unless `find` knows the slug, else `View` behind the detail skeleton. */
export function entityPage(find: FindName, View: EntityView) {
  return async function EntityPage({ params, searchParams }: EntityPageProps) {
    const [{ slug }, sp] = await Promise.all([params, searchParams]);
    const { mentions: mentionCursor } = parseFilters(detailParamsSchema, sp);
    const key = decodeURIComponent(slug);
    if (!(await find(key))) notFound();
    return (
      <Suspense fallback={<DetailSkeleton />}>
        <View slug={key} mentionCursor={mentionCursor} />
      </Suspense>
    );
  };
}

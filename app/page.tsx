import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import {
  HeadlineWidget,
  IndustriesWidget,
  LandscapeWidget,
  LatestEventsWidget,
  ReleasesWidget,
  StatsWidget,
  VendorsWidget,
} from "@/components/overview/widgets";

export default async function OverviewPage() {
  const t = await getTranslations("overview");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        <Suspense fallback={<StatsWidget.Skeleton />}>
          <StatsWidget />
        </Suspense>
        <Suspense fallback={<HeadlineWidget.Skeleton />}>
          <HeadlineWidget />
        </Suspense>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
          <div className="min-w-0 lg:col-span-3">
            <Suspense fallback={<ReleasesWidget.Skeleton />}>
              <ReleasesWidget />
            </Suspense>
          </div>
          <div className="min-w-0 lg:col-span-2">
            <Suspense fallback={<VendorsWidget.Skeleton />}>
              <VendorsWidget />
            </Suspense>
          </div>
        </div>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
          <div className="min-w-0 lg:col-span-3">
            <Suspense fallback={<LandscapeWidget.Skeleton />}>
              <LandscapeWidget />
            </Suspense>
          </div>
          <div className="min-w-0 lg:col-span-2">
            <Suspense fallback={<IndustriesWidget.Skeleton />}>
              <IndustriesWidget />
            </Suspense>
          </div>
        </div>
        <Suspense fallback={<LatestEventsWidget.Skeleton />}>
          <LatestEventsWidget />
        </Suspense>
      </div>
    </>
  );
}

import { Suspense, type ComponentType, type ReactElement } from "react";
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

/** An overview widget: a server component that fetches its own data, with its skeleton beside it. */
type Widget = (() => Promise<ReactElement>) & { Skeleton: ComponentType };

export default async function OverviewPage() {
  const t = await getTranslations("overview");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        <Streamed widget={StatsWidget} />
        <Streamed widget={HeadlineWidget} />
        <WidgetRow main={ReleasesWidget} side={VendorsWidget} />
        <WidgetRow main={LandscapeWidget} side={IndustriesWidget} />
        <Streamed widget={LatestEventsWidget} />
      </div>
    </>
  );
}

/** A widget streamed in on its own, its skeleton shown until it arrives. */
function Streamed({ widget: W }: { widget: Widget }) {
  return (
    <Suspense fallback={<W.Skeleton />}>
      <W />
    </Suspense>
  );
}

/** Two widgets side by side on wide screens, three fifths and two fifths. */
function WidgetRow({ main, side }: { main: Widget; side: Widget }) {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
      <div className="min-w-0 lg:col-span-3">
        <Streamed widget={main} />
      </div>
      <div className="min-w-0 lg:col-span-2">
        <Streamed widget={side} />
      </div>
    </div>
  );
}

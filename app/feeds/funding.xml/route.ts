// GET /feeds/funding.xml – Atom feed of the latest dated funding rounds; takes the /funding page's filters (company, investor, round, from, to).
import { atomResponse, FEED_SIZE, fundingAtom } from "@/lib/api/feeds";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { listFundingRounds } from "@/lib/queries/funding";
import { fundingFeedQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const filters = parseQuery(fundingFeedQuerySchema, request);
  const origin = baseUrlFor(request);
  const query = new URL(request.url).search;
  const rounds = await listFundingRounds(filters, { limit: FEED_SIZE });
  return atomResponse(
    fundingAtom(
      {
        self: `${origin}/feeds/funding.xml${query}`,
        alternate: `${origin}/funding${query}`,
        origin,
        title: "大模型观察 · 融资 / Moxing funding rounds",
        subtitle: "中国大模型公司的融资轮次，每条都附原文句子",
      },
      rounds.items,
    ),
  );
});

// Facts written straight to the database, for tests about what happens to them (merges, counters),
// not about how they are extracted.
import type { DbHandle } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = DbHandle["prisma"];

/** An event with one source: `quote` stands for the sentence at the start of the article. */
export async function eventWithSource(
  prisma: Db,
  data: Prisma.EventUncheckedCreateInput,
  source: { articleId: number; quote: string },
) {
  const event = await prisma.event.create({ data });
  await prisma.eventSource.create({ data: { eventId: event.id, ...source, sentenceStart: 0, sentenceEnd: 1 } });
  return event;
}

/** A claim whose number does not matter (metric m, 1 u, exact, undated): only who it is about or from. */
export function placeholderClaim(
  prisma: Db,
  data: { key: string } & Pick<
    Prisma.ClaimUncheckedCreateInput,
    "statedById" | "subjectOrganizationId" | "subjectModelId"
  >,
) {
  return prisma.claim.create({
    data: { metric: "m", value: 1, unit: "u", bound: "exact", asOfPrecision: "unknown", ...data },
  });
}

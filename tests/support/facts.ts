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

/** An article stored as it is (nothing extracted from it), to cite facts written by hand. */
export function plainArticle(prisma: Db, a: { url: string; title: string; body: string }) {
  return prisma.article.create({
    data: { ...a, rawBody: a.body, contentHash: a.url, sourceFile: `${new URL(a.url).pathname.slice(1)}.txt` },
  });
}

/** Where `quote` stands in the article's body (it must be there), as a fact's source. */
async function sentenceIn(prisma: Db, articleId: number, quote: string) {
  const { body } = await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } });
  const start = body.indexOf(quote);
  if (start < 0) throw new Error(`not in article ${articleId}: ${quote}`);
  return { articleId, quote, sentenceStart: start, sentenceEnd: start + quote.length };
}

/** An event citing one sentence of an article (found in its body), with that report's confidence. */
export async function eventCitingSentence(
  prisma: Db,
  data: Prisma.EventUncheckedCreateInput,
  source: { articleId: number; quote: string },
) {
  const event = await prisma.event.create({ data });
  const at = await sentenceIn(prisma, source.articleId, source.quote);
  await prisma.eventSource.create({ data: { eventId: event.id, ...at, confidence: event.confidence } });
  return event;
}

/** A claim citing one sentence of an article (found in its body), with that report's confidence. */
export async function claimCitingSentence(
  prisma: Db,
  data: Prisma.ClaimUncheckedCreateInput,
  source: { articleId: number; quote: string },
) {
  const claim = await prisma.claim.create({ data });
  const at = await sentenceIn(prisma, source.articleId, source.quote);
  await prisma.claimSource.create({ data: { claimId: claim.id, ...at, confidence: claim.confidence } });
  return claim;
}

// POST /api/admin/ingest – stores uploaded article files as the CLI does (source "admin"); answers the summary.
import { requireAdmin } from "@/lib/admin/guard";
import { readUploads } from "@/lib/admin/upload";
import { handler, json } from "@/lib/api/http";
import { getWriteDb } from "@/lib/db";
import { invalidateQueryCache } from "@/lib/db/query-cache";
import { formatRejection, ingestBuffers } from "@/lib/ingest/run";

export const dynamic = "force-dynamic";

export const POST = handler(async (request) => {
  requireAdmin(request);
  const { uploads, rejections: tooLarge } = await readUploads(request);
  // this process's kept query results go now, not when the database's notification arrives
  const summary = await ingestBuffers(await getWriteDb(), uploads, { source: "admin" }).finally(invalidateQueryCache);
  const rejections = [...tooLarge, ...summary.rejections].map((r) => ({ ...r, formatted: formatRejection(r) }));
  return json({
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected + tooLarge.length,
    rejections,
  });
});

// POST /api/admin/preview – what uploaded article files would store (models, vendors, events, claims, quotes); writes nothing.
import { requireAdmin } from "@/lib/admin/guard";
import { previewUploads } from "@/lib/admin/preview";
import { readUploads } from "@/lib/admin/upload";
import { handler, json } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const POST = handler(async (request) => {
  requireAdmin(request);
  const { uploads, rejections } = await readUploads(request);
  return json({ files: await previewUploads(uploads, rejections) });
});

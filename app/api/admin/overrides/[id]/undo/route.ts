// POST /api/admin/overrides/{id}/undo – revokes a correction: the facts it changed are read again as extracted.
import { undoOverride } from "@/lib/admin/overrides";
import { undoParamsSchema, undoRequestSchema } from "@/lib/admin/override-schema";
import { adminWrite } from "@/lib/admin/write-route";
import { parseParams } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const POST = adminWrite(undoRequestSchema, "undo", (_input, editor, params: { id: string }) =>
  undoOverride(parseParams(undoParamsSchema, params).id, editor),
);

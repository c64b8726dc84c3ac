// POST /api/admin/overrides/confirm – confirm any fact as extracted: shown as reviewed.
import { saveOverride } from "@/lib/admin/overrides";
import { confirmRequestSchema } from "@/lib/admin/override-schema";
import { adminWrite } from "@/lib/admin/write-route";

export const dynamic = "force-dynamic";

export const POST = adminWrite(
  confirmRequestSchema,
  "confirm",
  (input, editor) => saveOverride({ ...input, action: "confirm" }, editor),
  201,
);

// POST /api/admin/overrides/reject – reject a model, organization, event, claim, industry link or mention (with a reason): not stored from this evidence again.
import { saveOverride } from "@/lib/admin/overrides";
import { rejectRequestSchema } from "@/lib/admin/override-schema";
import { adminWrite } from "@/lib/admin/write-route";

export const dynamic = "force-dynamic";

export const POST = adminWrite(
  rejectRequestSchema,
  "reject",
  (input, editor) => saveOverride({ ...input, action: "reject" }, editor),
  201,
);

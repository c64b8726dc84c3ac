// POST /api/admin/overrides/set – correct a model's vendor, family or version, an event's type, model, organization or date, a claim's value, unit, bound, metric or as-of.
import { saveOverride } from "@/lib/admin/overrides";
import { setRequestSchema } from "@/lib/admin/override-schema";
import { adminWrite } from "@/lib/admin/write-route";

export const dynamic = "force-dynamic";

export const POST = adminWrite(
  setRequestSchema,
  "set",
  (input, editor) => saveOverride({ ...input, action: "set" }, editor),
  201,
);

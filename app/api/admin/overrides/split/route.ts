// POST /api/admin/overrides/split – a model read under one name for two: the chosen mentions, and the facts read in
// their sentences, go to another model (made when new); kept as mention overrides, each undoable.
import { splitModel } from "@/lib/admin/overrides";
import { splitRequestSchema } from "@/lib/admin/override-schema";
import { adminWrite } from "@/lib/admin/write-route";

export const dynamic = "force-dynamic";

export const POST = adminWrite(splitRequestSchema, "split", (input, editor) => splitModel(input, editor), 201);

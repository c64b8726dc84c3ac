// What an editor can do to a discovered entity in the review queue (form fields or JSON).
import { z } from "zod";

const slug = z
  .string()
  .trim()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a slug");
const kind = z.enum(["model", "organization"]).meta({ description: "what the slug names" });
const optionalName = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : null));

export const reviewActionSchema = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("confirm"), kind, slug }),
    z.object({
      action: z.literal("rename"),
      kind,
      slug,
      nameZh: z.string().trim().min(1).max(100),
      nameEn: optionalName,
    }),
    z.object({ action: z.literal("merge"), kind, slug, into: slug }),
  ])
  .meta({ id: "ReviewAction" });

export type ReviewAction = z.infer<typeof reviewActionSchema>;
export type ReviewKind = z.infer<typeof kind>;

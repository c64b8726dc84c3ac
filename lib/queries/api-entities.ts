// Light look-ups by slug for feeds and the admin review queue (no events, claims or counts).
import "server-only";
import { getDb } from "@/lib/db";
import { entityRefSelect, toEntityRef, type EntityRef } from "./common";
import { cachedQuery } from "@/lib/db/query-cache";

export const getModelRef = cachedQuery(
  "api-entities.getModelRef",
  async function getModelRef(slug: string): Promise<EntityRef | null> {
    const db = await getDb();
    const row = await db.model.findUnique({ where: { slug }, select: entityRefSelect });
    return row ? toEntityRef(row) : null;
  },
);

export const getOrganizationRef = cachedQuery(
  "api-entities.getOrganizationRef",
  async function getOrganizationRef(slug: string): Promise<EntityRef | null> {
    const db = await getDb();
    const row = await db.organization.findUnique({ where: { slug }, select: entityRefSelect });
    return row ? toEntityRef(row) : null;
  },
);

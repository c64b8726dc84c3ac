// Light look-ups by slug for feeds and the admin review queue (no events, claims or counts).
import "server-only";
import { getDb } from "@/lib/db";
import { entityRefSelect, toEntityRef, type EntityRef } from "./common";

export async function getModelRef(slug: string): Promise<EntityRef | null> {
  const db = await getDb();
  const row = await db.model.findUnique({ where: { slug }, select: entityRefSelect });
  return row ? toEntityRef(row) : null;
}

export async function getOrganizationRef(slug: string): Promise<EntityRef | null> {
  const db = await getDb();
  const row = await db.organization.findUnique({ where: { slug }, select: entityRefSelect });
  return row ? toEntityRef(row) : null;
}

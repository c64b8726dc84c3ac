-- CreateEnum
CREATE TYPE "OverrideKind" AS ENUM ('model', 'organization', 'event', 'claim', 'industry_link', 'mention');

-- CreateEnum
CREATE TYPE "OverrideAction" AS ENUM ('reject', 'set', 'confirm');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedBy" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedBy" TEXT;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedBy" TEXT;

-- CreateTable
CREATE TABLE "Override" (
    "id" SERIAL NOT NULL,
    "kind" "OverrideKind" NOT NULL,
    "key" TEXT NOT NULL,
    "articleUrl" TEXT,
    "action" "OverrideAction" NOT NULL,
    "values" JSONB,
    "previous" JSONB,
    "resultKey" TEXT,
    "sentence" TEXT,
    "reason" TEXT,
    "editor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "stale" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OverrideMatch" (
    "overrideId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "OverrideMatch_pkey" PRIMARY KEY ("overrideId","articleId")
);

-- CreateIndex
CREATE INDEX "Override_kind_key_idx" ON "Override"("kind", "key");

-- CreateIndex
CREATE INDEX "Override_kind_articleUrl_idx" ON "Override"("kind", "articleUrl");

-- CreateIndex
CREATE INDEX "Override_kind_resultKey_idx" ON "Override"("kind", "resultKey");

-- CreateIndex
CREATE INDEX "Override_createdAt_id_idx" ON "Override"("createdAt", "id");

-- CreateIndex
CREATE INDEX "OverrideMatch_articleId_idx" ON "OverrideMatch"("articleId");

-- AddForeignKey
ALTER TABLE "OverrideMatch" ADD CONSTRAINT "OverrideMatch_overrideId_fkey" FOREIGN KEY ("overrideId") REFERENCES "Override"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OverrideMatch" ADD CONSTRAINT "OverrideMatch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Editors' corrections notify like every other table (lib/db/query-cache.ts): a saved or undone
-- override changes what the pages show.
CREATE TRIGGER "Override_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Override"
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_notify_change();
CREATE TRIGGER "OverrideMatch_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OverrideMatch"
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_notify_change();

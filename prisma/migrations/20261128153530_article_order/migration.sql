-- DropIndex
DROP INDEX "Article_firstIngestedAt_idx";

-- CreateIndex
CREATE INDEX "Article_firstIngestedAt_id_idx" ON "Article"("firstIngestedAt", "id");

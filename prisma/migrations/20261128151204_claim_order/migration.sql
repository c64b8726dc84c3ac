-- DropIndex
DROP INDEX "Claim_metric_asOf_idx";

-- DropIndex
DROP INDEX "Claim_subjectModelId_idx";

-- DropIndex
DROP INDEX "Claim_subjectOrganizationId_idx";

-- CreateIndex
CREATE INDEX "Claim_metric_asOf_id_idx" ON "Claim"("metric", "asOf", "id");

-- CreateIndex
CREATE INDEX "Claim_subjectModelId_asOf_id_idx" ON "Claim"("subjectModelId", "asOf", "id");

-- CreateIndex
CREATE INDEX "Claim_subjectOrganizationId_asOf_id_idx" ON "Claim"("subjectOrganizationId", "asOf", "id");

-- CreateIndex
CREATE INDEX "Claim_statedById_asOf_id_idx" ON "Claim"("statedById", "asOf", "id");

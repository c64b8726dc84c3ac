-- AlterTable
ALTER TABLE "IngestRun" ADD COLUMN     "dropped" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "warnings" JSONB NOT NULL DEFAULT '[]';

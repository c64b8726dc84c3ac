-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "extractorVersion" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ClaimSource" ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "EventSource" ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Mention" ADD COLUMN     "confidence" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1;

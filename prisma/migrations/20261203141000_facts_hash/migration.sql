-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "factsHash" TEXT NOT NULL DEFAULT '';

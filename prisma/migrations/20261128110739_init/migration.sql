-- CreateEnum
CREATE TYPE "EntityStatus" AS ENUM ('curated', 'discovered', 'confirmed');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('company', 'lab', 'university', 'consultancy', 'media', 'government', 'other');

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('vendor', 'research', 'report_author', 'media', 'event_host', 'other');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year', 'unknown');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('release', 'open_public', 'announcement', 'deployment', 'showcase');

-- CreateEnum
CREATE TYPE "ClaimBound" AS ENUM ('exact', 'lower', 'upper', 'approx');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('model', 'organization', 'industry', 'technology', 'person');

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "rawBody" TEXT NOT NULL,
    "keywords" TEXT[],
    "technologies" TEXT[],
    "industries" TEXT[],
    "eventSummary" TEXT,
    "extraFields" JSONB NOT NULL DEFAULT '{}',
    "byline" TEXT,
    "photoCredits" TEXT[],
    "contentHash" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "firstIngestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastIngestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchTerms" tsvector,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "aliases" TEXT[],
    "searchTerms" tsvector,
    "kind" "OrgKind" NOT NULL DEFAULT 'other',
    "roles" "OrgRole"[],
    "status" "EntityStatus" NOT NULL DEFAULT 'discovered',
    "sourceUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "pinyin" TEXT,
    "aliases" TEXT[],
    "searchTerms" tsvector,
    "vendorId" INTEGER,
    "family" TEXT,
    "version" TEXT,
    "status" "EntityStatus" NOT NULL DEFAULT 'discovered',
    "sourceUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Industry" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "aliases" TEXT[],
    "searchTerms" tsvector,

    CONSTRAINT "Industry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Technology" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "aliases" TEXT[],

    CONSTRAINT "Technology_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "organizationId" INTEGER,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "modelId" INTEGER,
    "organizationId" INTEGER,
    "industryId" INTEGER,
    "technologyId" INTEGER,
    "personId" INTEGER,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "sentence" TEXT NOT NULL,
    "sentenceStart" INTEGER NOT NULL,
    "sentenceEnd" INTEGER NOT NULL,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "type" "EventType" NOT NULL,
    "date" DATE,
    "precision" "DatePrecision" NOT NULL,
    "dateInferred" BOOLEAN NOT NULL DEFAULT false,
    "dateText" TEXT,
    "modelId" INTEGER,
    "organizationId" INTEGER,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSource" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "sentenceStart" INTEGER NOT NULL,
    "sentenceEnd" INTEGER NOT NULL,

    CONSTRAINT "EventSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "bound" "ClaimBound" NOT NULL,
    "asOf" DATE,
    "asOfPrecision" "DatePrecision" NOT NULL,
    "asOfInferred" BOOLEAN NOT NULL DEFAULT false,
    "asOfText" TEXT,
    "scope" TEXT,
    "subjectModelId" INTEGER,
    "subjectOrganizationId" INTEGER,
    "statedById" INTEGER,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimSource" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "sentenceStart" INTEGER NOT NULL,
    "sentenceEnd" INTEGER NOT NULL,

    CONSTRAINT "ClaimSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndustryLink" (
    "id" SERIAL NOT NULL,
    "industryId" INTEGER NOT NULL,
    "modelId" INTEGER,
    "organizationId" INTEGER,
    "articleId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "sentenceStart" INTEGER NOT NULL,
    "sentenceEnd" INTEGER NOT NULL,

    CONSTRAINT "IndustryLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleIndustry" (
    "articleId" INTEGER NOT NULL,
    "industryId" INTEGER NOT NULL,
    "fromField" BOOLEAN NOT NULL,
    "fromBody" BOOLEAN NOT NULL,

    CONSTRAINT "ArticleIndustry_pkey" PRIMARY KEY ("articleId","industryId")
);

-- CreateTable
CREATE TABLE "ArticleTechnology" (
    "articleId" INTEGER NOT NULL,
    "technologyId" INTEGER NOT NULL,

    CONSTRAINT "ArticleTechnology_pkey" PRIMARY KEY ("articleId","technologyId")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "text" TEXT,
    "sentence" TEXT NOT NULL,
    "sentenceStart" INTEGER NOT NULL,
    "sentenceEnd" INTEGER NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestRun" (
    "id" SERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "source" TEXT NOT NULL,
    "files" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "IngestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_url_key" ON "Article"("url");

-- CreateIndex
CREATE INDEX "Article_searchTerms_idx" ON "Article" USING GIN ("searchTerms");

-- CreateIndex
CREATE INDEX "Article_firstIngestedAt_idx" ON "Article"("firstIngestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_status_idx" ON "Organization"("status");

-- CreateIndex
CREATE INDEX "Organization_searchTerms_idx" ON "Organization" USING GIN ("searchTerms");

-- CreateIndex
CREATE UNIQUE INDEX "Model_slug_key" ON "Model"("slug");

-- CreateIndex
CREATE INDEX "Model_vendorId_idx" ON "Model"("vendorId");

-- CreateIndex
CREATE INDEX "Model_family_idx" ON "Model"("family");

-- CreateIndex
CREATE INDEX "Model_status_idx" ON "Model"("status");

-- CreateIndex
CREATE INDEX "Model_searchTerms_idx" ON "Model" USING GIN ("searchTerms");

-- CreateIndex
CREATE UNIQUE INDEX "Industry_slug_key" ON "Industry"("slug");

-- CreateIndex
CREATE INDEX "Industry_searchTerms_idx" ON "Industry" USING GIN ("searchTerms");

-- CreateIndex
CREATE UNIQUE INDEX "Technology_slug_key" ON "Technology"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE INDEX "Mention_articleId_idx" ON "Mention"("articleId");

-- CreateIndex
CREATE INDEX "Mention_modelId_idx" ON "Mention"("modelId");

-- CreateIndex
CREATE INDEX "Mention_organizationId_idx" ON "Mention"("organizationId");

-- CreateIndex
CREATE INDEX "Mention_industryId_idx" ON "Mention"("industryId");

-- CreateIndex
CREATE INDEX "Mention_technologyId_idx" ON "Mention"("technologyId");

-- CreateIndex
CREATE INDEX "Mention_personId_idx" ON "Mention"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_key_key" ON "Event"("key");

-- CreateIndex
CREATE INDEX "Event_date_idx" ON "Event"("date");

-- CreateIndex
CREATE INDEX "Event_type_date_idx" ON "Event"("type", "date");

-- CreateIndex
CREATE INDEX "Event_modelId_date_idx" ON "Event"("modelId", "date");

-- CreateIndex
CREATE INDEX "Event_organizationId_date_idx" ON "Event"("organizationId", "date");

-- CreateIndex
CREATE INDEX "EventSource_articleId_idx" ON "EventSource"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "EventSource_eventId_articleId_key" ON "EventSource"("eventId", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_key_key" ON "Claim"("key");

-- CreateIndex
CREATE INDEX "Claim_metric_asOf_idx" ON "Claim"("metric", "asOf");

-- CreateIndex
CREATE INDEX "Claim_subjectModelId_idx" ON "Claim"("subjectModelId");

-- CreateIndex
CREATE INDEX "Claim_subjectOrganizationId_idx" ON "Claim"("subjectOrganizationId");

-- CreateIndex
CREATE INDEX "ClaimSource_articleId_idx" ON "ClaimSource"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimSource_claimId_articleId_key" ON "ClaimSource"("claimId", "articleId");

-- CreateIndex
CREATE INDEX "IndustryLink_industryId_idx" ON "IndustryLink"("industryId");

-- CreateIndex
CREATE INDEX "IndustryLink_modelId_idx" ON "IndustryLink"("modelId");

-- CreateIndex
CREATE INDEX "IndustryLink_organizationId_idx" ON "IndustryLink"("organizationId");

-- CreateIndex
CREATE INDEX "IndustryLink_articleId_idx" ON "IndustryLink"("articleId");

-- CreateIndex
CREATE INDEX "ArticleIndustry_industryId_idx" ON "ArticleIndustry"("industryId");

-- CreateIndex
CREATE INDEX "ArticleTechnology_technologyId_idx" ON "ArticleTechnology"("technologyId");

-- CreateIndex
CREATE INDEX "Quote_personId_idx" ON "Quote"("personId");

-- CreateIndex
CREATE INDEX "Quote_articleId_idx" ON "Quote"("articleId");

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_technologyId_fkey" FOREIGN KEY ("technologyId") REFERENCES "Technology"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSource" ADD CONSTRAINT "EventSource_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_subjectModelId_fkey" FOREIGN KEY ("subjectModelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_subjectOrganizationId_fkey" FOREIGN KEY ("subjectOrganizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_statedById_fkey" FOREIGN KEY ("statedById") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryLink" ADD CONSTRAINT "IndustryLink_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryLink" ADD CONSTRAINT "IndustryLink_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryLink" ADD CONSTRAINT "IndustryLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryLink" ADD CONSTRAINT "IndustryLink_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleIndustry" ADD CONSTRAINT "ArticleIndustry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleIndustry" ADD CONSTRAINT "ArticleIndustry_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTechnology" ADD CONSTRAINT "ArticleTechnology_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTechnology" ADD CONSTRAINT "ArticleTechnology_technologyId_fkey" FOREIGN KEY ("technologyId") REFERENCES "Technology"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

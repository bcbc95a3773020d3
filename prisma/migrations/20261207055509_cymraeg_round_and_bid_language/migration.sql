-- AlterTable
ALTER TABLE "Bid" ADD COLUMN     "language" VARCHAR(2) NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "bilingual" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "descriptionCy" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "eligibilityCy" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleCy" TEXT NOT NULL DEFAULT '';

-- why: the app formats letters and emails by this value; nothing else may be stored.
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_language_check" CHECK ("language" IN ('en', 'cy'));

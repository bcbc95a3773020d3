-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "announcedAt" TIMESTAMP(3);

-- Decisions confirmed before this migration were announced (and emailed) when they were confirmed.
UPDATE "Decision" SET "announcedAt" = "decidedAt"
WHERE "bidId" IN (SELECT "id" FROM "Bid" WHERE "status" IN ('FUNDED', 'NOT_FUNDED'));

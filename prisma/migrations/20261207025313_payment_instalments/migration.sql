-- Payments in instalments: an award's schedule of planned dates and amounts (hand-checked;
-- the backfill at the end is written by hand).

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "instalmentId" TEXT;

-- CreateTable
CREATE TABLE "Instalment" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "plannedOn" DATE,
    "amountPence" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instalment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instalment_awardId_position_key" ON "Instalment"("awardId", "position");

-- CreateIndex
CREATE INDEX "Payment_instalmentId_idx" ON "Payment"("instalmentId");

-- AddForeignKey
ALTER TABLE "Instalment" ADD CONSTRAINT "Instalment_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_instalmentId_fkey" FOREIGN KEY ("instalmentId") REFERENCES "Instalment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing awards keep today's behaviour: one instalment of the whole award, paid on
-- acceptance, which every payment already made or asked for belongs to.
INSERT INTO "Instalment" ("id", "awardId", "position", "plannedOn", "amountPence", "createdAt", "updatedAt")
SELECT 'inst-' || a."id", a."id", 1, NULL, a."amountPence", a."createdAt", CURRENT_TIMESTAMP
FROM "Award" a;

UPDATE "Payment" p SET "instalmentId" = 'inst-' || p."awardId" WHERE p."instalmentId" IS NULL;

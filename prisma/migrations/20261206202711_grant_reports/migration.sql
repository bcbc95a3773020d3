-- CreateEnum
CREATE TYPE "GrantReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'MORE_REQUESTED');

-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "reportDueMonths" INTEGER NOT NULL DEFAULT 12;

-- CreateTable
CREATE TABLE "GrantReport" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "status" "GrantReportStatus" NOT NULL DEFAULT 'DRAFT',
    "whatWasDone" TEXT NOT NULL DEFAULT '',
    "participants" INTEGER,
    "underspendNote" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "funderMessage" TEXT NOT NULL DEFAULT '',
    "returnedPence" INTEGER NOT NULL DEFAULT 0,
    "returnedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GrantReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantReportSpend" (
    "reportId" TEXT NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "spentPence" INTEGER NOT NULL,

    CONSTRAINT "GrantReportSpend_pkey" PRIMARY KEY ("reportId","budgetLineId")
);

-- CreateTable
CREATE TABLE "GrantReportPhoto" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GrantReportPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "dueSlot" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("kind","subjectId","dueSlot")
);

-- CreateIndex
CREATE UNIQUE INDEX "GrantReport_awardId_key" ON "GrantReport"("awardId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantReportPhoto_storageKey_key" ON "GrantReportPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "GrantReportPhoto_reportId_idx" ON "GrantReportPhoto"("reportId");

-- AddForeignKey
ALTER TABLE "GrantReport" ADD CONSTRAINT "GrantReport_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantReportSpend" ADD CONSTRAINT "GrantReportSpend_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "GrantReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantReportPhoto" ADD CONSTRAINT "GrantReportPhoto_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "GrantReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "PayeeKind" AS ENUM ('BANK', 'CHEQUE');

-- CreateEnum
CREATE TYPE "PayeeParty" AS ENUM ('GROUP', 'PARENT');

-- CreateTable
CREATE TABLE "PayeeDetails" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "kind" "PayeeKind" NOT NULL,
    "party" "PayeeParty" NOT NULL DEFAULT 'GROUP',
    "sealed" TEXT,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),

    CONSTRAINT "PayeeDetails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentBatch" (
    "id" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fileSha256" TEXT NOT NULL,
    "totalPence" INTEGER NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,

    CONSTRAINT "PaymentBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentBatchItem" (
    "batchId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,

    CONSTRAINT "PaymentBatchItem_pkey" PRIMARY KEY ("batchId","paymentId")
);

-- CreateIndex
CREATE INDEX "PayeeDetails_bidId_replacedAt_idx" ON "PayeeDetails"("bidId", "replacedAt");

-- CreateIndex
CREATE INDEX "PaymentBatchItem_paymentId_idx" ON "PaymentBatchItem"("paymentId");

-- AddForeignKey
ALTER TABLE "PayeeDetails" ADD CONSTRAINT "PayeeDetails_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentBatchItem" ADD CONSTRAINT "PaymentBatchItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "PaymentBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

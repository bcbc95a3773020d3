-- AlterTable
ALTER TABLE "PaymentBatch" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" TEXT,
ADD COLUMN     "format" TEXT NOT NULL,
ADD COLUMN     "originAccountNumber" TEXT NOT NULL,
ADD COLUMN     "originName" TEXT NOT NULL,
ADD COLUMN     "originSortCode" TEXT NOT NULL,
ADD COLUMN     "paidOn" DATE,
ADD COLUMN     "processingDate" DATE NOT NULL;

-- AlterTable
ALTER TABLE "PaymentBatchItem" ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "payeeDetailsId" TEXT NOT NULL,
ADD COLUMN     "reference" TEXT NOT NULL;

-- AddForeignKey
ALTER TABLE "PaymentBatchItem" ADD CONSTRAINT "PaymentBatchItem_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

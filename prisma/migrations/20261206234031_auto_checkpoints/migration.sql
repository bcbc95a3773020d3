-- AlterTable
ALTER TABLE "AuditCheckpoint" ADD COLUMN     "triggers" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "CheckpointRequest" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckpointRequest_pkey" PRIMARY KEY ("id")
);

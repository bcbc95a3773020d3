-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "exceptionApprovedAt" TIMESTAMP(3),
ADD COLUMN     "exceptionApprovedById" TEXT,
ADD COLUMN     "ruleBreaches" JSONB,
ADD COLUMN     "ruleExceptionReason" TEXT;

-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "allowRuleExceptions" BOOLEAN NOT NULL DEFAULT false;

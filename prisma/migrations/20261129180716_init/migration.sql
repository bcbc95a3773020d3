-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'ORGANISER', 'FUNDER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "TieBreak" AS ENUM ('HIGHER_PANEL_SCORE', 'LOWER_AMOUNT', 'EARLIER_SUBMISSION');

-- CreateEnum
CREATE TYPE "AudienceMode" AS ENUM ('NONE', 'TICKETS', 'OPEN');

-- CreateEnum
CREATE TYPE "GroupType" AS ENUM ('REGISTERED_CHARITY', 'COMPANY', 'CONSTITUTED_GROUP', 'UNCONSTITUTED_GROUP');

-- CreateEnum
CREATE TYPE "BidStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'DECLINED', 'FUNDED', 'NOT_FUNDED');

-- CreateEnum
CREATE TYPE "EventState" AS ENUM ('DRAFT', 'READY', 'LIVE', 'SCORING_CLOSED', 'DECIDED');

-- CreateEnum
CREATE TYPE "SlotState" AS ENUM ('WAITING', 'PITCHING', 'QUESTIONS', 'SCORING', 'LOCKED');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('FUNDED', 'PART_FUNDED', 'NOT_FUNDED');

-- CreateEnum
CREATE TYPE "AwardStatus" AS ENUM ('OFFERED', 'ACCEPTED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('STRIPE', 'CHEQUE', 'BANK_TRANSFER');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('REQUESTED', 'APPROVED', 'PENDING', 'PAID', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "roles" "Role"[],
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,
    "ipAddress" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserInvite" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" "Role"[],
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "Fund" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "potPence" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'GBP',
    "minAwardPence" INTEGER NOT NULL,
    "maxAwardPence" INTEGER NOT NULL,
    "funderName" TEXT NOT NULL,
    "funderOrgId" TEXT NOT NULL,
    "grantIdPrefix" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eligibility" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "panelWeightPercent" INTEGER NOT NULL DEFAULT 100,
    "audienceWeightPercent" INTEGER NOT NULL DEFAULT 0,
    "normaliseScores" BOOLEAN NOT NULL DEFAULT false,
    "quorum" INTEGER NOT NULL DEFAULT 3,
    "partFundingAllowed" BOOLEAN NOT NULL DEFAULT false,
    "partFundingMinPercent" INTEGER NOT NULL DEFAULT 50,
    "tieBreak" "TieBreak" NOT NULL DEFAULT 'HIGHER_PANEL_SCORE',
    "audienceMode" "AudienceMode" NOT NULL DEFAULT 'NONE',
    "audienceVotesPerPerson" INTEGER NOT NULL DEFAULT 3,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "scaleMin" INTEGER NOT NULL DEFAULT 1,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "pseudonymId" TEXT NOT NULL,
    "status" "BidStatus" NOT NULL DEFAULT 'DRAFT',
    "statusReason" TEXT,
    "editTokenHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "groupName" TEXT NOT NULL,
    "groupType" "GroupType",
    "charityNumber" TEXT,
    "companyNumber" TEXT,
    "parentOrgName" TEXT,
    "area" TEXT NOT NULL DEFAULT '',
    "projectTitle" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "difference" TEXT NOT NULL DEFAULT '',
    "beneficiaries" TEXT NOT NULL DEFAULT '',
    "beneficiaryCount" INTEGER,
    "amountRequestedPence" INTEGER,
    "startDate" DATE,
    "endDate" DATE,
    "declarationAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidContact" (
    "bidId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "erasedAt" TIMESTAMP(3),

    CONSTRAINT "BidContact_pkey" PRIMARY KEY ("bidId")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidVersion" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BidVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "venue" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "state" "EventState" NOT NULL DEFAULT 'DRAFT',
    "pitchSeconds" INTEGER NOT NULL DEFAULT 180,
    "questionSeconds" INTEGER NOT NULL DEFAULT 120,
    "currentSlotId" TEXT,
    "resultsRevealedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Slot" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "state" "SlotState" NOT NULL DEFAULT 'WAITING',
    "phaseEndsAt" TIMESTAMP(3),
    "pausedRemainingMs" INTEGER,
    "lockedAt" TIMESTAMP(3),

    CONSTRAINT "Slot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Panellist" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "userId" TEXT,
    "inviteTokenHash" TEXT NOT NULL,
    "deviceTokenHash" TEXT,
    "joinedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Panellist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conflict" (
    "id" TEXT NOT NULL,
    "panellistId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL,
    "panellistId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "slotId" TEXT,
    "version" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "clientMutationId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreItem" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "ScoreItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AudienceTicket" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AudienceTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AudienceBallot" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "ticketId" TEXT,
    "voterKeyHash" TEXT NOT NULL,
    "lastMutationId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AudienceBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AudienceVote" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AudienceVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperTally" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "firstCount" INTEGER,
    "firstById" TEXT,
    "secondCount" INTEGER,
    "secondById" TEXT,
    "resolvedCount" INTEGER,
    "resolvedById" TEXT,
    "resolvedNote" TEXT,

    CONSTRAINT "PaperTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "eventId" TEXT,
    "proposedOutcome" "Outcome" NOT NULL,
    "proposedAmountPence" INTEGER NOT NULL,
    "proposalReason" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "overrideReason" TEXT,
    "feedback" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "status" "AwardStatus" NOT NULL DEFAULT 'OFFERED',
    "conditions" TEXT NOT NULL DEFAULT '',
    "acceptedAt" TIMESTAMP(3),
    "acceptedBy" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "payoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "detailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'REQUESTED',
    "idempotencyKey" TEXT NOT NULL,
    "providerId" TEXT,
    "reference" TEXT,
    "paidOn" DATE,
    "failureReason" TEXT,
    "requestedById" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserInvite_tokenHash_key" ON "UserInvite"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Round_slug_key" ON "Round"("slug");

-- CreateIndex
CREATE INDEX "Round_fundId_idx" ON "Round"("fundId");

-- CreateIndex
CREATE INDEX "Criterion_roundId_idx" ON "Criterion"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_reference_key" ON "Bid"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_pseudonymId_key" ON "Bid"("pseudonymId");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_editTokenHash_key" ON "Bid"("editTokenHash");

-- CreateIndex
CREATE INDEX "Bid_roundId_status_idx" ON "Bid"("roundId", "status");

-- CreateIndex
CREATE INDEX "BudgetLine_bidId_idx" ON "BudgetLine"("bidId");

-- CreateIndex
CREATE UNIQUE INDEX "BidVersion_bidId_version_key" ON "BidVersion"("bidId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Event_joinCode_key" ON "Event"("joinCode");

-- CreateIndex
CREATE INDEX "Event_roundId_idx" ON "Event"("roundId");

-- CreateIndex
CREATE INDEX "Slot_eventId_position_idx" ON "Slot"("eventId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Slot_eventId_bidId_key" ON "Slot"("eventId", "bidId");

-- CreateIndex
CREATE UNIQUE INDEX "Panellist_inviteTokenHash_key" ON "Panellist"("inviteTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Panellist_deviceTokenHash_key" ON "Panellist"("deviceTokenHash");

-- CreateIndex
CREATE INDEX "Panellist_eventId_idx" ON "Panellist"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Conflict_panellistId_bidId_key" ON "Conflict"("panellistId", "bidId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_clientMutationId_key" ON "ScoreSheet"("clientMutationId");

-- CreateIndex
CREATE INDEX "ScoreSheet_bidId_current_idx" ON "ScoreSheet"("bidId", "current");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_panellistId_bidId_version_key" ON "ScoreSheet"("panellistId", "bidId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreItem_sheetId_criterionId_key" ON "ScoreItem"("sheetId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "AudienceTicket_code_key" ON "AudienceTicket"("code");

-- CreateIndex
CREATE UNIQUE INDEX "AudienceBallot_ticketId_key" ON "AudienceBallot"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "AudienceBallot_voterKeyHash_key" ON "AudienceBallot"("voterKeyHash");

-- CreateIndex
CREATE UNIQUE INDEX "AudienceVote_ballotId_bidId_key" ON "AudienceVote"("ballotId", "bidId");

-- CreateIndex
CREATE UNIQUE INDEX "PaperTally_eventId_bidId_key" ON "PaperTally"("eventId", "bidId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_bidId_key" ON "Decision"("bidId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_decisionId_key" ON "Award"("decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_bidId_key" ON "Award"("bidId");

-- CreateIndex
CREATE UNIQUE INDEX "Recipient_bidId_key" ON "Recipient"("bidId");

-- CreateIndex
CREATE UNIQUE INDEX "Recipient_stripeAccountId_key" ON "Recipient"("stripeAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_idempotencyKey_key" ON "Payment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_providerId_key" ON "Payment"("providerId");

-- CreateIndex
CREATE INDEX "Payment_awardId_idx" ON "Payment"("awardId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_idx" ON "AuditEntry"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEntry_action_idx" ON "AuditEntry"("action");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "MailMessage_sentAt_idx" ON "MailMessage"("sentAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserInvite" ADD CONSTRAINT "UserInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidContact" ADD CONSTRAINT "BidContact_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidVersion" ADD CONSTRAINT "BidVersion_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Slot" ADD CONSTRAINT "Slot_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Slot" ADD CONSTRAINT "Slot_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Panellist" ADD CONSTRAINT "Panellist_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_panellistId_fkey" FOREIGN KEY ("panellistId") REFERENCES "Panellist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_panellistId_fkey" FOREIGN KEY ("panellistId") REFERENCES "Panellist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreItem" ADD CONSTRAINT "ScoreItem_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreItem" ADD CONSTRAINT "ScoreItem_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceTicket" ADD CONSTRAINT "AudienceTicket_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceBallot" ADD CONSTRAINT "AudienceBallot_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceBallot" ADD CONSTRAINT "AudienceBallot_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "AudienceTicket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceVote" ADD CONSTRAINT "AudienceVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "AudienceBallot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudienceVote" ADD CONSTRAINT "AudienceVote_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTally" ADD CONSTRAINT "PaperTally_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTally" ADD CONSTRAINT "PaperTally_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

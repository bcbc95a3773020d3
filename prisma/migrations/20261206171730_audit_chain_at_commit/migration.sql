-- CreateTable
CREATE TABLE "AudienceSubmission" (
    "ballotId" TEXT NOT NULL,
    "clientMutationId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AudienceSubmission_pkey" PRIMARY KEY ("ballotId","clientMutationId")
);

-- CreateTable
CREATE TABLE "AuditPending" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "hashBefore" TEXT NOT NULL,
    "hashAfter" TEXT NOT NULL,

    CONSTRAINT "AuditPending_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "AudienceSubmission" ADD CONSTRAINT "AudienceSubmission_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "AudienceBallot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Submissions already taken, so a late retry of one made before this migration still changes nothing.
INSERT INTO "AudienceSubmission" ("ballotId", "clientMutationId", "submittedAt")
SELECT DISTINCT ON (e."subjectId", e.payload->>'mutationId') e."subjectId", e.payload->>'mutationId', e.at
FROM "AuditEntry" e JOIN "AudienceBallot" b ON b.id = e."subjectId"
WHERE e.action = 'audience.ballot_cast' AND e."subjectType" = 'ballot' AND e.payload->>'mutationId' IS NOT NULL
ORDER BY e."subjectId", e.payload->>'mutationId', e.seq
ON CONFLICT DO NOTHING;

-- The audit chain's one writer at a time: appends take this transaction-level advisory lock
-- (key 7240612, 0), read the newest committed entry and insert the next one on top, hashing it
-- here (sha256 of the canonical JSON, whose text apart from prevHash and seq the app made).
-- The lock is released when the appending transaction ends, so the next append sees this one.
-- A lock queue is first come, first served: an append waits for those ahead of it, never for ever.
CREATE FUNCTION audit_chain_append(
  p_at TIMESTAMP(3), p_actor_type TEXT, p_actor_id TEXT, p_action TEXT, p_subject_type TEXT,
  p_subject_id TEXT, p_payload JSONB, p_hash_before TEXT, p_hash_after TEXT
) RETURNS TABLE (seq INTEGER, "prevHash" TEXT, hash TEXT) LANGUAGE plpgsql AS $$
DECLARE
  head_seq INTEGER;
  head_hash TEXT;
  next_seq INTEGER;
  prev TEXT;
  next_hash TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7240612, 0);
  SELECT e.seq, e.hash INTO head_seq, head_hash FROM "AuditEntry" e ORDER BY e.seq DESC LIMIT 1;
  next_seq := COALESCE(head_seq, 0) + 1;
  prev := COALESCE(head_hash, repeat('0', 64));
  next_hash := encode(sha256(convert_to(p_hash_before || prev || '","seq":' || next_seq::text || p_hash_after, 'UTF8')), 'hex');
  INSERT INTO "AuditEntry" (seq, at, "actorType", "actorId", action, "subjectType", "subjectId", payload, "prevHash", hash)
  VALUES (next_seq, p_at, p_actor_type, p_actor_id, p_action, p_subject_type, p_subject_id, p_payload, prev, next_hash);
  RETURN QUERY SELECT next_seq, prev, next_hash;
END
$$;

-- Entries of the busiest writes (ballots, scores) wait in "AuditPending" and are chained as
-- their transaction commits, in the order they were written: the chain is held for the commit
-- alone, not for the round trips between the change and its COMMIT.
CREATE FUNCTION audit_chain_pending() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM audit_chain_append(NEW.at, NEW."actorType", NEW."actorId", NEW.action, NEW."subjectType",
    NEW."subjectId", NEW.payload, NEW."hashBefore", NEW."hashAfter");
  DELETE FROM "AuditPending" WHERE id = NEW.id;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "AuditPending_chain_at_commit" AFTER INSERT ON "AuditPending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_pending();

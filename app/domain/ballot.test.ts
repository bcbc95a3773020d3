import { fieldErrors } from "~/utils/forms";
import { say } from "~/i18n/said.server";
import { ballotSchema, checkBallot, countedPaper, paperStatus, votingStatus, type BallotBid, type BallotInput } from "./ballot";

const bids: BallotBid[] = [
  { bidId: "a", label: "Riverside Clean-up", slotState: "LOCKED" },
  { bidId: "b", label: "Youth Boxing", slotState: "SCORING" },
  { bidId: "c", label: "Men's Shed", slotState: "PITCHING" },
  { bidId: "d", label: "Library Garden", slotState: "WAITING" },
];

const input = (overrides: Partial<BallotInput>): BallotInput => ({
  mode: "OPEN",
  votesPerPerson: 3,
  eventState: "LIVE",
  bids,
  bidIds: ["a"],
  ...overrides,
});

const message = (overrides: Partial<BallotInput>) => {
  const result = checkBallot(input(overrides));
  if (result.ok) throw new Error("expected the ballot to be refused");
  return say("en", result.message);
};

describe("audience ballot rules", () => {
  it("gives one point to each chosen pitch, up to the votes each person has", () => {
    expect(checkBallot(input({ bidIds: ["a", "b", "c"] }))).toEqual({
      ok: true,
      votes: [
        { bidId: "a", points: 1 },
        { bidId: "b", points: 1 },
        { bidId: "c", points: 1 },
      ],
    });
    expect(checkBallot(input({ mode: "TICKETS", bidIds: ["b"] })).ok).toBe(true);
  });

  it("refuses more pitches than the round allows", () => {
    expect(message({ bidIds: ["a", "b", "c"], votesPerPerson: 2 })).toBe("You can vote for up to 2 pitches; you chose 3.");
    expect(message({ bidIds: ["a", "b"], votesPerPerson: 1 })).toBe("You can vote for 1 pitch; you chose 2.");
  });

  it("refuses the same pitch twice and an empty ballot", () => {
    expect(message({ bidIds: ["a", "a"] })).toMatch(/same pitch more than once/);
    expect(message({ bidIds: [] })).toBe("Choose at least one pitch to vote for.");
  });

  it("refuses pitches from elsewhere and pitches not yet started", () => {
    expect(message({ bidIds: ["zzz"] })).toMatch(/not part of this event/);
    expect(message({ bidIds: ["a", "d"] })).toBe("You can vote for “Library Garden” once its pitch has started.");
  });

  it("is open only while the event is live and the round uses audience votes", () => {
    expect(message({ mode: "NONE" })).toBe("The audience does not vote at this event.");
    expect(message({ eventState: "READY" })).toBe("Voting opens when the event starts.");
    expect(message({ eventState: "DRAFT" })).toBe("Voting opens when the event starts.");
    expect(message({ eventState: "SCORING_CLOSED" })).toBe("Voting has closed, so your vote was not changed.");
    expect(message({ eventState: "DECIDED" })).toMatch(/Voting has closed/);
    expect(votingStatus("TICKETS", "LIVE")).toBe("OPEN");
    expect(votingStatus("NONE", "LIVE")).toBe("NOT_USED");
  });
});

describe("ballot form", () => {
  const mutation = "0f8fad5b-d9cb-469f-a165-70867728950e";

  it("reads one or several ticked pitches", () => {
    expect(ballotSchema.parse({ bidIds: "a", clientMutationId: mutation }).bidIds).toEqual(["a"]);
    expect(ballotSchema.parse({ bidIds: ["a", "c"], clientMutationId: mutation }).bidIds).toEqual(["a", "c"]);
  });

  it("says what is missing", () => {
    const result = ballotSchema.safeParse({ clientMutationId: "nope" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      bidIds: "vote.problem.none",
      clientMutationId: "vote.refusal.unmatched",
    });
  });
});

describe("paper tallies counted twice", () => {
  const entries = (firstCount: number | null, secondCount: number | null, resolvedCount: number | null = null) => ({
    firstCount,
    secondCount,
    resolvedCount,
  });

  it("counts nothing until the second count agrees", () => {
    expect(paperStatus(null)).toBe("NONE");
    expect(paperStatus(entries(null, null))).toBe("NONE");
    expect([paperStatus(entries(12, null)), countedPaper(entries(12, null))]).toEqual(["FIRST_ONLY", 0]);
    expect([paperStatus(entries(12, 12)), countedPaper(entries(12, 12))]).toEqual(["MATCHED", 12]);
  });

  it("flags a mismatch, which counts nothing until resolved", () => {
    expect([paperStatus(entries(12, 13)), countedPaper(entries(12, 13))]).toEqual(["MISMATCH", 0]);
    expect([paperStatus(entries(12, 13, 13)), countedPaper(entries(12, 13, 13))]).toEqual(["RESOLVED", 13]);
  });
});

import { checkBallot, votingStatus, type BallotBid } from "./ballot";
import { say } from "~/i18n/said.server";
import { allowance, audienceVotingStatus, canVoteFor, choiceProblem, publicJoinCode, voteCodeProblem, wrongCodesMessage } from "./audience-phone";
import { EVENT_STATES, SLOT_STATES } from "./event-machine";

const MODES = ["NONE", "TICKETS", "OPEN"] as const;

describe("what the audience's phone says, against the server's ballot rules", () => {
  it("opens and closes voting exactly when the server does", () => {
    for (const mode of MODES) for (const state of EVENT_STATES) expect(audienceVotingStatus(mode, state)).toBe(votingStatus(mode, state));
  });

  it("offers a pitch once it has started, as the server accepts it", () => {
    for (const slotState of SLOT_STATES) {
      const bids: BallotBid[] = [{ bidId: "a", label: "Men's Shed", slotState }];
      const accepted = checkBallot({ mode: "OPEN", votesPerPerson: 1, eventState: "LIVE", bids, bidIds: ["a"] }).ok;
      expect(canVoteFor(slotState)).toBe(accepted);
    }
  });

  it("words too few and too many choices as the server does", () => {
    const bids: BallotBid[] = ["a", "b", "c", "d"].map((bidId) => ({ bidId, label: bidId, slotState: "SCORING" }));
    for (const votesPerPerson of [1, 2, 3]) {
      for (let chosen = 0; chosen <= 4; chosen++) {
        const server = checkBallot({ mode: "OPEN", votesPerPerson, eventState: "LIVE", bids, bidIds: bids.slice(0, chosen).map((b) => b.bidId) });
        expect(choiceProblem(chosen, votesPerPerson)).toEqual(server.ok ? null : server.message);
      }
    }
  });

  it("says it in English and in Welsh", () => {
    expect(say("en", choiceProblem(3, 1)!)).toBe("You can vote for 1 pitch; you chose 3.");
    expect(say("en", choiceProblem(3, 2)!)).toBe("You can vote for up to 2 pitches; you chose 3.");
    expect(say("cy", choiceProblem(0, 2)!)).toBe("Dewiswch o leiaf un cyflwyniad i bleidleisio drosto.");
  });
});

describe("a code typed on the voting page", () => {
  it("accepts join and ticket codes however they are spaced or cased", () => {
    expect(voteCodeProblem("k7q m3x")).toBeNull();
    expect(voteCodeProblem("k7qm-3xpa")).toBeNull();
  });

  it("says what is wrong with one that cannot be a code", () => {
    expect(say("en", voteCodeProblem("  ")!)).toBe("Enter the code from the big screen or from your ticket.");
    expect(say("en", voteCodeProblem("K7Q0M3")!)).toBe("Codes use only the letters A to Z (without I, L, O and U) and the numbers 2 to 9.");
    expect(say("en", voteCodeProblem("K7QM3")!)).toBe("The code on the big screen has 6 characters and a ticket code has 8; this one has 5.");
  });
});

describe("the join code in the public live state", () => {
  it("is there only once the event has started and the audience votes", () => {
    expect(EVENT_STATES.map((state) => publicJoinCode("OPEN", state, "K7QM3X"))).toEqual([null, null, "K7QM3X", "K7QM3X", "K7QM3X"]);
    expect(EVENT_STATES.map((state) => publicJoinCode("NONE", state, "K7QM3X")).every((code) => code === null)).toBe(true);
  });
});

describe("too many wrong codes", () => {
  it("says how many seconds to wait, never zero", () => {
    expect(say("en", wrongCodesMessage(42))).toBe("Too many wrong codes have been tried from your network. Wait 42 seconds, then try again.");
    expect(say("en", wrongCodesMessage(0))).toMatch("Wait 1 second,");
    expect(say("cy", wrongCodesMessage(42))).toMatch("Arhoswch 42 eiliad,");
  });
});

describe("the allowance as the audience ticks pitches", () => {
  it("is full at the allowance, and says how many to untick when more are ticked (a form sent back without JavaScript)", () => {
    expect(allowance(0, 3)).toEqual({ full: false, over: 0 });
    expect(allowance(3, 3)).toEqual({ full: true, over: 0 });
    expect(allowance(5, 3)).toEqual({ full: true, over: 2 });
  });
});

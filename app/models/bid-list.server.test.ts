import { useTestDatabase } from "~/testing/database";
import { exportRoundBids, getBidForReview, listRoundBids } from "~/models/bid-list.server";
import { shortlistBid } from "~/models/shortlist.server";
import { auditFor, makeBid, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";

useTestDatabase();

let run = 0;

async function setup() {
  run += 1;
  // why: references are unique across all rounds, and every test sets up its own round.
  const ref = (n: number) => `PD-2026-${run}${String(n).padStart(3, "0")}`;
  const { actor, user } = await makeOrganiser("Olu Organiser");
  const fund = await makeFund(actor);
  const round = await makeRound(fund.id, actor);
  const other = await makeRound(fund.id, actor);
  const at = (day: number) => new Date(`2026-10-${String(day).padStart(2, "0")}T10:00:00Z`);
  const bids = {
    scouts: await makeBid(round.id, { groupName: "Thornbury Scouts", reference: ref(1), submittedAt: at(3) }),
    allotments: await makeBid(round.id, { groupName: "Alveston Allotments", reference: ref(2), submittedAt: at(1) }),
    choir: await makeBid(round.id, { status: "SHORTLISTED", groupName: "Thornbury Community Choir", reference: ref(3), submittedAt: at(2) }),
    cafe: await makeBid(round.id, { status: "DECLINED", groupName: "Repair Café", reference: ref(4), submittedAt: at(4) }),
    gone: await makeBid(round.id, { status: "WITHDRAWN", groupName: "Walking Group", reference: ref(5), submittedAt: at(5) }),
    draft: await makeBid(round.id, { status: "DRAFT", groupName: "Half-written Bid", reference: ref(6) }),
    elsewhere: await makeBid(other.id, { groupName: "Thornbury Scouts (other round)", reference: ref(99) }),
  };
  return { actor, user, round, bids, ref };
}

describe("the organiser's bid list", () => {
  it("shows All without drafts, in the order bids arrived, with a count for every tab", async () => {
    const { round, ref } = await setup();
    const { bids, counts } = await listRoundBids(round.id, { status: "all", q: "" });
    expect(bids.map((b) => b.reference)).toEqual([ref(2), ref(3), ref(1), ref(4), ref(5)]);
    expect(counts).toMatchObject({ all: 5, submitted: 2, shortlisted: 1, declined: 1, withdrawn: 1, draft: 1, decided: 0 });
  });

  it("shows one status per tab", async () => {
    const { round } = await setup();
    expect((await listRoundBids(round.id, { status: "submitted", q: "" })).bids.map((b) => b.groupName)).toEqual([
      "Alveston Allotments",
      "Thornbury Scouts",
    ]);
    expect((await listRoundBids(round.id, { status: "declined", q: "" })).bids.map((b) => b.groupName)).toEqual(["Repair Café"]);
    expect((await listRoundBids(round.id, { status: "draft", q: "" })).bids.map((b) => b.groupName)).toEqual(["Half-written Bid"]);
  });

  it("finds bids by reference or group name, ignoring case, only in this round", async () => {
    const { round, ref } = await setup();
    const byName = await listRoundBids(round.id, { status: "all", q: "thornbury" });
    expect(byName.bids.map((b) => b.reference)).toEqual([ref(3), ref(1)]);
    const byReference = await listRoundBids(round.id, { status: "all", q: ref(4).toLowerCase() });
    expect(byReference.bids.map((b) => b.groupName)).toEqual(["Repair Café"]);
    expect((await listRoundBids(round.id, { status: "submitted", q: "choir" })).bids).toEqual([]);
  });

  it("keeps contact details out of the list", async () => {
    const { round } = await setup();
    const { bids } = await listRoundBids(round.id, { status: "all", q: "" });
    expect(Object.keys(bids[0]).sort()).toEqual(
      ["amountRequestedPence", "groupName", "id", "language", "projectTitle", "reference", "status", "submittedAt", "updatedAt"].sort(),
    );
  });
});

describe("one bid for review", () => {
  it("has the bid, its budget, contact, versions and audit trail with who did what", async () => {
    const { round, bids, actor, ref } = await setup();
    await shortlistBid(bids.scouts.id, "Strong pitch", actor);
    const review = await getBidForReview(bids.scouts.id);
    expect(review?.bid).toMatchObject({ reference: ref(1), status: "SHORTLISTED", statusReason: "Strong pitch" });
    expect(review?.bid.round.id).toBe(round.id);
    expect(review?.bid.round.fund.name).toBe("Test Community Chest");
    expect(review?.bid.contact).toMatchObject({ name: "Sam Contact", email: "sam@example.test" });
    expect(review?.bid.budgetLines.map((l) => l.item)).toEqual(["Tents", "Pegs and groundsheets"]);
    expect(review?.bid.versions.map((v) => v.version)).toEqual([1]);
    expect(review?.trail).toEqual([
      expect.objectContaining({ action: "bid.shortlisted", actor: "Olu Organiser", payload: { reference: ref(1), reason: "Strong pitch" } }),
    ]);
  });

  it("is null for a bid that does not exist", async () => {
    expect(await getBidForReview("no-such-bid")).toBeNull();
  });
});

describe("the CSV export", () => {
  it("returns the tab's bids with contact details and audits the download without personal data", async () => {
    const { round, actor, ref } = await setup();
    const result = await exportRoundBids(round.id, { status: "all", q: "" }, { withContacts: true }, actor);
    expect(result?.bids.map((b) => [b.reference, b.contact?.email])).toEqual([
      [ref(2), "sam@example.test"],
      [ref(3), "sam@example.test"],
      [ref(1), "sam@example.test"],
      [ref(4), "sam@example.test"],
      [ref(5), "sam@example.test"],
    ]);
    const entry = (await auditFor("round", round.id)).at(-1);
    expect(entry).toMatchObject({ action: "round.bids_exported", actorId: actor.id });
    expect(entry?.payload).toEqual({ count: 5, filter: "all", searched: false, contacts: true });
    expect(JSON.stringify(entry?.payload)).not.toContain("@");
  });

  it("follows the tab and the search, and leaves contact details out when not asked for", async () => {
    const { round, actor, ref } = await setup();
    const result = await exportRoundBids(round.id, { status: "submitted", q: "scouts" }, { withContacts: false }, actor);
    expect(result?.bids.map((b) => b.reference)).toEqual([ref(1)]);
    expect(result?.bids[0]).not.toHaveProperty("contact");
    expect((await auditFor("round", round.id)).at(-1)?.payload).toEqual({ count: 1, filter: "submitted", searched: true, contacts: false });
  });

  it("is null for a round that does not exist", async () => {
    const { actor } = await setup();
    expect(await exportRoundBids("no-such-round", { status: "all", q: "" }, { withContacts: true }, actor)).toBeNull();
  });
});

import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeBid, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";
import { newSecretToken } from "~/utils/secret-token.server";
import { requireBidByToken } from "./bid-link.server";

useTestDatabase();

const asking = (lang: "cy" | "en") => new Request("http://localhost/bid/x", { headers: { "Accept-Language": lang === "cy" ? "cy-GB,cy;q=0.9" : "en-GB" } });

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
  }
  throw new Error("expected a thrown Response");
}

describe("a group's private link", () => {
  it("opens the bid it belongs to", async () => {
    const { actor } = await makeOrganiser();
    const fund = await makeFund(actor);
    const round = await makeRound(fund.id, actor);
    const bid = await makeBid(round.id);
    const link = newSecretToken();
    await db().bid.update({ where: { id: bid.id }, data: { editTokenHash: link.hash } });
    expect((await requireBidByToken(asking("cy"), link.token)).id).toBe(bid.id);
  });

  it("that finds no bid is a 404 that says what to do, in the group's language", async () => {
    const welsh = await thrown(requireBidByToken(asking("cy"), newSecretToken().token));
    expect(welsh.status).toBe(404);
    expect(await welsh.text()).toMatch(/^Doedd dim modd dod o hyd i gais ar gyfer y ddolen hon\. .*ar dudalen y cylch ariannu\.$/);
    const english = await thrown(requireBidByToken(asking("en"), undefined));
    expect(await english.text()).toBe(
      "We could not find a bid for this link. If you asked for a new link, only the newest one works. You can ask for another on the funding round's page.",
    );
  });
});

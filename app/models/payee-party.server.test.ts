import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import type { PayeeDetails } from "~/domain/bank/payee-details";
import { awardLetter } from "~/models/funder-views.server";
import { savePayeeDetails } from "~/models/payee-details.server";
import { roundOpenData } from "~/models/three-sixty.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { renderAwardLetter } from "~/services/pdf/award-letter.server";
import { readPdfText } from "~/testing/pdf-text";
import { makeAcceptedAward } from "~/testing/payments-fixtures";

// A group without a bank account names its parent organisation (a fiscal host) as payee: the
// award letter and the 360Giving data then name the parent as the one paid, for the group.

useTestDatabase();
afterAll(() => closeLiveBus());

const parentAccount: PayeeDetails = { kind: "BANK", party: "PARENT", accountName: "Oldbury Parish Cncl", sortCode: "089999", accountNumber: "66374958", chequePayee: null };

async function hostedAward() {
  const award = await makeAcceptedAward({ amountPence: 75_000 });
  await db().bid.update({ where: { id: award.bid.id }, data: { groupType: "UNCONSTITUTED_GROUP", parentOrgName: "Oldbury-on-Severn Parish Council" } });
  const bid = await db().bid.findUniqueOrThrow({ where: { id: award.bid.id }, select: { groupName: true, reference: true, pseudonymId: true } });
  return { ...award, ...bid };
}

describe("the parent organisation as payee", () => {
  it("is named on the award letter as paid on the group's behalf, and only once the group chose it", async () => {
    const award = await hostedAward();
    expect(await awardLetter({ awardId: award.awardId })).toMatchObject({ groupName: award.groupName, paidToParent: null });

    const saved = await savePayeeDetails(award.bid.id, parentAccount, { type: "group", id: award.bid.id });
    expect(saved).toMatchObject({ ok: true });
    const letter = (await awardLetter({ bidId: award.bid.id }))!;
    expect(letter).toMatchObject({ groupName: award.groupName, paidToParent: "Oldbury-on-Severn Parish Council" });
    const pdf = await readPdfText(await renderAwardLetter(letter));
    expect(pdf.text).toContain(`Oldbury-on-Severn Parish Council, on behalf of ${award.groupName}`);

    // The group gives its own account after all: the letter names it alone again.
    await savePayeeDetails(award.bid.id, { ...parentAccount, party: "GROUP", accountName: "Group Own Account" }, { type: "group", id: award.bid.id });
    expect(await awardLetter({ awardId: award.awardId })).toMatchObject({ paidToParent: null });
  });

  it("is the 360Giving recipient, with the group as the beneficiary, in a package that passes the official schema", async () => {
    const award = await hostedAward();
    const before = (await roundOpenData(award.round.id, { now: new Date() }))!;
    expect(before.package.grants[0].recipientOrganization[0]).toMatchObject({ name: award.groupName });

    await savePayeeDetails(award.bid.id, parentAccount, { type: "group", id: award.bid.id });
    const data = (await roundOpenData(award.round.id, { now: new Date() }))!;
    expect(data.problems).toEqual([]);
    const [grant] = data.package.grants;
    expect(grant.recipientOrganization).toEqual([{ id: "360G-test-ORG-HOST-OLDBURY-ON-SEVERN-PARISH-COUNCIL", name: "Oldbury-on-Severn Parish Council" }]);
    expect(grant.beneficiaryOrganization).toEqual([{ id: `360G-test-ORG-${award.pseudonymId}`, name: award.groupName }]);
    expect(grant.description).toMatch(new RegExp(`Paid to Oldbury-on-Severn Parish Council on behalf of ${award.groupName}`));
    expect(data.csv).toContain(`360G-test-ORG-${award.pseudonymId},${award.groupName}`);
    // Nothing of the bank account is published.
    expect(JSON.stringify(data.package) + data.csv).not.toMatch(/66374958|089999|Oldbury Parish Cncl/);
  });
});

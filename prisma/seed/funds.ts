import { addDays, subDays } from "date-fns";
import { createFund } from "~/models/fund.server";
import { createRound, type CriterionInput } from "~/models/round.server";
import type { Staff } from "./staff";

const CRITERIA: CriterionInput[] = [
  { name: "Need", guidance: "Is there a clear local need, in the group's own evidence?", weight: 3, scaleMin: 1, scaleMax: 5 },
  { name: "Difference", guidance: "How much difference will the money make, and for how many people?", weight: 2, scaleMin: 1, scaleMax: 5 },
  { name: "Deliverability", guidance: "Can the group do what it says, on time and on budget?", weight: 2, scaleMin: 1, scaleMax: 5 },
  { name: "Value for money", guidance: "Is the budget realistic and good value?", weight: 1, scaleMin: 1, scaleMax: 5 },
];

export type DemoFunds = Awaited<ReturnType<typeof seedFunds>>;

export async function seedFunds(staff: Staff, now: Date) {
  const actor = { type: "user" as const, id: staff.byKey.organiser.id };
  const fund = await createFund(
    {
      name: "Thornbury Community Chest",
      potPence: 1_000_000,
      currency: "GBP",
      minAwardPence: 20_000,
      maxAwardPence: 500_000,
      funderName: "Thornbury Town Council",
      funderOrgId: "GB-LAE-THB",
      grantIdPrefix: "360G-thornburytc",
    },
    actor,
  );
  const openRound = await createRound(
    {
      fundId: fund.id,
      title: "Spring 2027 community pitches",
      slug: "spring-2027",
      description:
        "Up to £5,000 for local voluntary groups. Pitch your idea in person at the Town Hall; the panel decides on the night.",
      eligibility:
        "Groups working in Thornbury and the surrounding parishes: registered charities, community interest companies, constituted groups, and unconstituted groups applying through a named parent organisation.",
      opensAt: subDays(now, 7),
      closesAt: addDays(now, 28),
      panelWeightPercent: 70,
      audienceWeightPercent: 30,
      quorum: 3,
      partFundingAllowed: true,
      partFundingMinPercent: 50,
      audienceMode: "OPEN",
      criteria: CRITERIA,
    },
    actor,
  );
  const closedRound = await createRound(
    {
      fundId: fund.id,
      title: "Autumn 2026 community pitches",
      slug: "autumn-2026",
      description: "Our autumn round. Bids are closed and the shortlist is being drawn up.",
      eligibility: "Groups working in Thornbury and the surrounding parishes.",
      opensAt: subDays(now, 60),
      closesAt: subDays(now, 5),
      panelWeightPercent: 100,
      audienceWeightPercent: 0,
      quorum: 3,
      criteria: CRITERIA,
    },
    actor,
  );
  return { fund, openRound, closedRound };
}

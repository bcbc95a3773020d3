import { addDays, format, subDays } from "date-fns";
import { emptyFormValues, type BidFormValues } from "~/domain/bid";
import { startBid, submitBid } from "~/models/bid.server";
import type { DemoFunds } from "./funds";
import type { Staff } from "./staff";

// Demo bids, written through the bid model exactly as a group's browser would: six submitted to
// the closed autumn round (ready for a shortlist) and two drafts in the open spring round.

type Demo = Partial<BidFormValues> & { groupName: string };

const SUBMITTED: Demo[] = [
  {
    groupName: "Thornbury Allotment Society",
    groupType: "CONSTITUTED_GROUP",
    area: "Eastbury Road allotments, BS35 1DL",
    contactName: "Margaret Hale",
    contactEmail: "secretary@thornbury-allotments.example",
    projectTitle: "A polytunnel for the community plot",
    summary: "A 6-metre polytunnel on our shared community plot, so members and the primary school can grow all year round.",
    difference: "Older members who cannot manage outdoor beds in winter can keep growing. The school's gardening club gets a dry place to work from October to March.",
    beneficiaries: "Plot holders, many over 70, and the after-school gardening club at St Mary's primary.",
    beneficiaryCount: "140",
    amountRequested: "2,450",
    budget: [
      { item: "Polytunnel kit, 6 m x 3 m", amount: "1,650" },
      { item: "Staging and benches", amount: "380" },
      { item: "Water butts and guttering", amount: "220" },
      { item: "Volunteer build day (hire of tools)", amount: "200" },
    ],
  },
  {
    groupName: "Castle Court Knit and Natter",
    groupType: "UNCONSTITUTED_GROUP",
    parentOrgName: "Thornbury Methodist Church",
    area: "Castle Court, Thornbury town centre",
    contactName: "Priya Shah",
    contactEmail: "knitandnatter@castlecourt.example",
    projectTitle: "Warm Wednesdays: a weekly knitting and lunch club",
    summary: "A weekly drop-in at the church hall through the winter with soup, wool and company for anyone who would otherwise be alone.",
    difference: "People who live alone get a warm place, a hot lunch and a reason to go out once a week. Last winter 18 people came regularly.",
    beneficiaries: "Older residents of the sheltered housing at Castle Court and anyone living alone nearby.",
    beneficiaryCount: "25",
    amountRequested: "1,200",
    budget: [
      { item: "Hall hire, 26 Wednesdays", amount: "520" },
      { item: "Soup and bread", amount: "480" },
      { item: "Wool and needles", amount: "200" },
    ],
  },
  {
    groupName: "Thornbury Youth Football Club",
    groupType: "REGISTERED_CHARITY",
    charityNumber: "1154321",
    area: "Mundy Playing Fields, BS35 1EW",
    contactName: "Dan Okafor",
    contactEmail: "welfare@thornburyyfc.example",
    projectTitle: "Girls' under-11s team: kit and coaching badges",
    summary: "Start a girls' under-11s team with its own kit and two qualified volunteer coaches.",
    difference: "There is no girls' team within six miles. Twenty girls on our waiting list could play every week.",
    beneficiaries: "Girls aged 8 to 11 in Thornbury and Alveston.",
    beneficiaryCount: "20",
    amountRequested: "3,100",
    budget: [
      { item: "Kit for 20 players", amount: "1,400" },
      { item: "Two FA coaching courses", amount: "900" },
      { item: "Balls, bibs and cones", amount: "400" },
      { item: "Pitch hire, spring season", amount: "400" },
    ],
  },
  {
    groupName: "Severn Vale Repair Café",
    groupType: "COMPANY",
    companyNumber: "12876543",
    area: "Armstrong Hall, Thornbury",
    contactName: "Tom Briggs",
    contactEmail: "hello@severnvalerepair.example",
    projectTitle: "Monthly repair café: tools and PAT testing",
    summary: "Buy the tools and safety testing kit we need to run a monthly repair café, fixing toasters, bikes and clothes for free.",
    difference: "Things get fixed instead of thrown away, and people learn to fix them. We expect to repair 300 items in the first year.",
    beneficiaries: "Any household in the town; many visitors are on low incomes.",
    beneficiaryCount: "300",
    amountRequested: "1,875.50",
    budget: [
      { item: "PAT tester", amount: "695.50" },
      { item: "Hand tools and soldering stations", amount: "780" },
      { item: "Sewing machine", amount: "250" },
      { item: "Publicity and signs", amount: "150" },
    ],
  },
  {
    groupName: "Friends of Streamside Walk",
    groupType: "CONSTITUTED_GROUP",
    area: "Streamside Walk, BS35 2HQ",
    contactName: "Helen Marsh",
    contactEmail: "friends@streamsidewalk.example",
    projectTitle: "Benches and a bird hide along Streamside Walk",
    summary: "Install three benches and a small bird hide along the stream so that everyone can rest and enjoy the wildlife.",
    difference: "People with limited mobility can walk the full path with places to rest. The school can use the hide for nature lessons.",
    beneficiaries: "Walkers, older people, families and the two primary schools nearby.",
    beneficiaryCount: "1,500",
    amountRequested: "4,800",
    budget: [
      { item: "Three oak benches", amount: "2,700" },
      { item: "Bird hide (materials)", amount: "1,600" },
      { item: "Installation", amount: "500" },
    ],
  },
  {
    groupName: "Thornbury Foodbank Cookery Group",
    groupType: "REGISTERED_CHARITY",
    charityNumber: "1098765",
    area: "Thornbury",
    contactName: "Asha Begum",
    contactEmail: "cookery@thornburyfoodbank.example",
    projectTitle: "Cook and eat: six-week cookery courses",
    summary: "Run three six-week courses teaching simple, cheap meals from foodbank parcels, with everyone eating together at the end.",
    difference: "Families learn to make the most of their parcels and meet others in the same position. Previous courses cut food waste in half.",
    beneficiaries: "Foodbank clients, especially parents of young children.",
    beneficiaryCount: "36",
    amountRequested: "950",
    budget: [
      { item: "Ingredients, 18 sessions", amount: "540" },
      { item: "Slow cookers to take home", amount: "360" },
      { item: "Recipe cards printing", amount: "50" },
    ],
  },
];

const DRAFTS: Demo[] = [
  {
    groupName: "Alveston Scouts",
    contactEmail: "leader@alvestonscouts.example",
    contactName: "Sam Wright",
    projectTitle: "New tents for summer camp",
    amountRequested: "1,600",
    budget: [{ item: "Four patrol tents", amount: "1,600" }],
  },
  {
    groupName: "Thornbury Carers' Café",
    contactEmail: "carerscafe@thornbury.example",
  },
];

function values(demo: Demo, start: Date): BidFormValues {
  return {
    ...emptyFormValues(),
    startDate: format(addDays(start, 45), "yyyy-MM-dd"),
    endDate: format(addDays(start, 45 + 180), "yyyy-MM-dd"),
    ...demo,
  };
}

export async function seedBids(funds: DemoFunds, _staff: Staff, now: Date) {
  const created = [];
  // Submitted over the autumn round's weeks, oldest first, while it was open.
  for (const [index, demo] of SUBMITTED.entries()) {
    const at = subDays(now, 50 - index * 7);
    const started = await startBid({ slug: funds.closedRound.slug, values: values(demo, at), intent: "continue", now: at });
    if (!started.ok) throw new Error(`Seed bid "${demo.groupName}" was refused: ${JSON.stringify(started)}`);
    const submitted = await submitBid({ token: started.token, now: addDays(at, 1) });
    if (!submitted.ok) throw new Error(`Seed bid "${demo.groupName}" could not be submitted: ${JSON.stringify(submitted)}`);
    created.push(submitted.bid);
  }
  for (const demo of DRAFTS) {
    const started = await startBid({ slug: funds.openRound.slug, values: values(demo, now), intent: "draft", now });
    if (!started.ok) throw new Error(`Seed draft "${demo.groupName}" was refused: ${JSON.stringify(started)}`);
    created.push(started.bid);
  }
  return created;
}

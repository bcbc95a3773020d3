import { subDays } from "date-fns";
import type { DemoFunds } from "./funds";
import type { Staff } from "./staff";
import { sendDemoBid, startDemoDraft, type DemoBid, type DemoTiming } from "./demo-bid";

// Demo bids, written through the bid model exactly as a group's browser would: six submitted to
// the closed autumn round (ready for a shortlist) and two drafts in the open spring round.

const TIMING: DemoTiming = { startsAfterDays: 45, lastsDays: 180 };

const SUBMITTED: DemoBid[] = [
  {
    group: { name: "Thornbury Allotment Society", type: "CONSTITUTED_GROUP" },
    contact: { name: "Margaret Hale", email: "secretary@thornbury-allotments.example" },
    area: "Eastbury Road allotments, BS35 1DL",
    projectTitle: "A polytunnel for the community plot",
    summary: "A 6-metre polytunnel on our shared community plot, so members and the primary school can grow all year round.",
    difference: "Older members who cannot manage outdoor beds in winter can keep growing. The school's gardening club gets a dry place to work from October to March.",
    beneficiaries: "Plot holders, many over 70, and the after-school gardening club at St Mary's primary.",
    beneficiaryCount: "140",
    budget: { "Polytunnel kit, 6 m x 3 m": "1,650", "Staging and benches": "380", "Water butts and guttering": "220", "Volunteer build day (hire of tools)": "200" },
  },
  {
    group: { name: "Castle Court Knit and Natter", type: "UNCONSTITUTED_GROUP", parentOrgName: "Thornbury Methodist Church" },
    contact: { name: "Priya Shah", email: "knitandnatter@castlecourt.example" },
    area: "Castle Court, Thornbury town centre",
    projectTitle: "Warm Wednesdays: a weekly knitting and lunch club",
    summary: "A weekly drop-in at the church hall through the winter with soup, wool and company for anyone who would otherwise be alone.",
    difference: "People who live alone get a warm place, a hot lunch and a reason to go out once a week. Last winter 18 people came regularly.",
    beneficiaries: "Older residents of the sheltered housing at Castle Court and anyone living alone nearby.",
    beneficiaryCount: "25",
    budget: { "Hall hire, 26 Wednesdays": "520", "Soup and bread": "480", "Wool and needles": "200" },
  },
  {
    group: { name: "Thornbury Youth Football Club", type: "REGISTERED_CHARITY", charityNumber: "1154321" },
    contact: { name: "Dan Okafor", email: "welfare@thornburyyfc.example" },
    area: "Mundy Playing Fields, BS35 1EW",
    projectTitle: "Girls' under-11s team: kit and coaching badges",
    summary: "Start a girls' under-11s team with its own kit and two qualified volunteer coaches.",
    difference: "There is no girls' team within six miles. Twenty girls on our waiting list could play every week.",
    beneficiaries: "Girls aged 8 to 11 in Thornbury and Alveston.",
    beneficiaryCount: "20",
    budget: { "Kit for 20 players": "1,400", "Two FA coaching courses": "900", "Balls, bibs and cones": "400", "Pitch hire, spring season": "400" },
  },
  {
    group: { name: "Severn Vale Repair Café", type: "COMPANY", companyNumber: "12876543" },
    contact: { name: "Tom Briggs", email: "hello@severnvalerepair.example" },
    area: "Armstrong Hall, Thornbury",
    projectTitle: "Monthly repair café: tools and PAT testing",
    summary: "Buy the tools and safety testing kit we need to run a monthly repair café, fixing toasters, bikes and clothes for free.",
    difference: "Things get fixed instead of thrown away, and people learn to fix them. We expect to repair 300 items in the first year.",
    beneficiaries: "Any household in the town; many visitors are on low incomes.",
    beneficiaryCount: "300",
    budget: { "PAT tester": "695.50", "Hand tools and soldering stations": "780", "Sewing machine": "250", "Publicity and signs": "150" },
  },
  {
    group: { name: "Friends of Streamside Walk", type: "CONSTITUTED_GROUP" },
    contact: { name: "Helen Marsh", email: "friends@streamsidewalk.example" },
    area: "Streamside Walk, BS35 2HQ",
    projectTitle: "Benches and a bird hide along Streamside Walk",
    summary: "Install three benches and a small bird hide along the stream so that everyone can rest and enjoy the wildlife.",
    difference: "People with limited mobility can walk the full path with places to rest. The school can use the hide for nature lessons.",
    beneficiaries: "Walkers, older people, families and the two primary schools nearby.",
    beneficiaryCount: "1,500",
    budget: { "Three oak benches": "2,700", "Bird hide (materials)": "1,600", "Installation": "500" },
  },
  {
    group: { name: "Thornbury Foodbank Cookery Group", type: "REGISTERED_CHARITY", charityNumber: "1098765" },
    contact: { name: "Asha Begum", email: "cookery@thornburyfoodbank.example" },
    area: "Thornbury",
    projectTitle: "Cook and eat: six-week cookery courses",
    summary: "Run three six-week courses teaching simple, cheap meals from foodbank parcels, with everyone eating together at the end.",
    difference: "Families learn to make the most of their parcels and meet others in the same position. Previous courses cut food waste in half.",
    beneficiaries: "Foodbank clients, especially parents of young children.",
    beneficiaryCount: "36",
    budget: { "Ingredients, 18 sessions": "540", "Slow cookers to take home": "360", "Recipe cards printing": "50" },
  },
];

const DRAFTS: DemoBid[] = [
  {
    group: { name: "Alveston Scouts" },
    contact: { name: "Sam Wright", email: "leader@alvestonscouts.example" },
    projectTitle: "New tents for summer camp",
    budget: { "Four patrol tents": "1,600" },
  },
  {
    group: { name: "Thornbury Carers' Café" },
    contact: { email: "carerscafe@thornbury.example" },
  },
];

export async function seedBids(funds: DemoFunds, _staff: Staff, now: Date) {
  const created = [];
  // Submitted over the autumn round's weeks, oldest first, while it was open.
  for (const [index, demo] of SUBMITTED.entries()) {
    const sent = await sendDemoBid(funds.closedRound.slug, demo, subDays(now, 50 - index * 7), TIMING);
    created.push(sent.bid);
  }
  for (const demo of DRAFTS) created.push(await startDemoDraft(funds.openRound.slug, demo, now, TIMING));
  return created;
}

import { emptyFormValues, type BidFormValues } from "~/domain/bid";

/** A bid form filled in as a group would, complete and valid (start date in March 2027). */
export function completeBidValues(overrides: Partial<BidFormValues> = {}): BidFormValues {
  return {
    ...emptyFormValues(),
    groupName: "Thornbury Allotment Society",
    groupType: "CONSTITUTED_GROUP",
    area: "BS35 2AA",
    contactName: "Jo Green",
    contactEmail: "jo@example.org",
    contactPhone: "",
    projectTitle: "A polytunnel for the community plot",
    summary: "We will put up a polytunnel so that members can grow all year.",
    difference: "Older members can keep growing through the winter.",
    beneficiaries: "Plot holders and the primary school",
    beneficiaryCount: "120",
    amountRequested: "1,500",
    budget: [
      { item: "Polytunnel kit", amount: "1,200" },
      { item: "Staging and hoses", amount: "300" },
      { item: "", amount: "" },
    ],
    startDate: "2027-03-01",
    endDate: "2027-09-30",
    ...overrides,
  };
}

import { z } from "zod";

// The organiser's side of a bid: the list filters, how each status is shown, and the
// shortlist decision form. Who may decide is in permissions.ts; what may change is here and
// in the shortlist model.

export const BID_STATUSES = ["DRAFT", "SUBMITTED", "WITHDRAWN", "SHORTLISTED", "DECLINED", "FUNDED", "NOT_FUNDED"] as const;
export type BidStatusValue = (typeof BID_STATUSES)[number];

export const STATUS_LABELS: Record<BidStatusValue, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  WITHDRAWN: "Withdrawn",
  SHORTLISTED: "Shortlisted",
  DECLINED: "Not shortlisted",
  FUNDED: "Funded",
  NOT_FUNDED: "Not funded",
};

export const STATUS_TAG_CLASSES: Record<BidStatusValue, string> = {
  DRAFT: "tag tag--grey",
  SUBMITTED: "tag",
  WITHDRAWN: "tag tag--grey",
  SHORTLISTED: "tag tag--green",
  DECLINED: "tag tag--red",
  FUNDED: "tag tag--green",
  NOT_FUNDED: "tag tag--red",
};

export interface BidFilter {
  key: string;
  label: string;
  statuses: readonly BidStatusValue[];
  /** Shown as a tab only when some bid is in it. */
  onlyWhenUsed?: boolean;
}

// why "All" leaves drafts out: a draft has not been sent and may be half-written; it is not
// a bid the organiser has to act on. Drafts have their own tab.
export const BID_FILTERS: readonly BidFilter[] = [
  { key: "all", label: "All", statuses: ["SUBMITTED", "SHORTLISTED", "DECLINED", "WITHDRAWN", "FUNDED", "NOT_FUNDED"] },
  { key: "submitted", label: "Submitted", statuses: ["SUBMITTED"] },
  { key: "shortlisted", label: "Shortlisted", statuses: ["SHORTLISTED"] },
  { key: "declined", label: "Not shortlisted", statuses: ["DECLINED"] },
  { key: "withdrawn", label: "Withdrawn", statuses: ["WITHDRAWN"] },
  { key: "decided", label: "Decided", statuses: ["FUNDED", "NOT_FUNDED"], onlyWhenUsed: true },
  { key: "draft", label: "Drafts", statuses: ["DRAFT"] },
];

export type BidFilterKey = (typeof BID_FILTERS)[number]["key"];

export function findFilter(key: string | null | undefined): BidFilter {
  return BID_FILTERS.find((f) => f.key === key) ?? BID_FILTERS[0];
}

/** How many bids each tab holds, from a count per status. */
export function filterCounts(byStatus: Partial<Record<BidStatusValue, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const filter of BID_FILTERS) {
    out[filter.key] = filter.statuses.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
  }
  return out;
}

/** The list's GET form: which tab and what to look for. Anything odd falls back to the defaults. */
export const bidListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => findFilter(v).key),
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().slice(0, 100)),
});

export type BidListQuery = z.infer<typeof bidListQuerySchema>;

export const REASON_MAX = 1_000;

const reason = z.string().default("").transform((v) => v.trim());
const tooLong = `The reason must be ${REASON_MAX} characters or fewer`;

/**
 * The organiser's decision on a submitted bid, or putting a decided one back to "submitted".
 * The reason is shown to the group on its status page, so it is required where the news is bad.
 */
export const reviewDecisionSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({
      decision: z.literal("shortlist"),
      reason: reason.pipe(z.string().max(REASON_MAX, tooLong)),
    }),
    z.object({
      decision: z.literal("decline"),
      reason: reason.pipe(
        z
          .string()
          .min(1, "Enter the reason the group will see for not shortlisting its bid")
          .max(REASON_MAX, tooLong),
      ),
    }),
    z.object({
      decision: z.literal("reset"),
      reason: reason.pipe(
        z.string().min(1, "Enter why the decision is being undone (the group does not see this)").max(REASON_MAX, tooLong),
      ),
    }),
  ],
  { error: "Choose whether to shortlist this bid or not" },
);

export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** Only a submitted bid can be shortlisted or declined; only those can go back to submitted. */
export function allowedDecisions(status: string): ReviewDecision["decision"][] {
  if (status === "SUBMITTED") return ["shortlist", "decline"];
  if (status === "SHORTLISTED" || status === "DECLINED") return ["reset"];
  return [];
}

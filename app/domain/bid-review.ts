import * as z from "zod";

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

// ---------- A bid's history as staff read it ----------

const EVENT_LABELS: Record<string, string> = {
  "bid.draft_saved": "Draft saved by the group",
  "bid.submitted": "Sent by the group",
  "bid.edited": "Changed by the group after sending",
  "bid.withdrawn": "Withdrawn by the group",
  "bid.link_reissued": "Private link sent to the group again",
  "bid.shortlisted": "Shortlisted",
  "bid.declined": "Not shortlisted",
  "bid.status_reset": "Shortlist decision undone",
};

/** One audit entry about a bid in words: what happened and, where there is one, the reason or version. */
export function describeBidEvent(action: string, payload: Record<string, unknown>): { what: string; detail: string | null } {
  const what = EVENT_LABELS[action] ?? action;
  const parts: string[] = [];
  if (typeof payload.version === "number") parts.push(`Version ${payload.version}`);
  if (action === "bid.status_reset" && typeof payload.from === "string") {
    parts.push(`Was ${(STATUS_LABELS[payload.from as BidStatusValue] ?? payload.from).toLowerCase()}`);
  }
  if (typeof payload.reason === "string" && payload.reason) parts.push(`Reason: ${payload.reason}`);
  return { what, detail: parts.length ? parts.join(". ") : null };
}

const SNAPSHOT_LABELS: Record<string, string> = {
  groupName: "Group name",
  groupType: "Type of group",
  charityNumber: "Charity number",
  companyNumber: "Company number",
  parentOrgName: "Applying through",
  area: "Area or postcode",
  projectTitle: "Project title",
  summary: "Summary",
  difference: "The difference it will make",
  beneficiaries: "Who will benefit",
  beneficiaryCount: "Roughly how many",
  amountRequestedPence: "Amount requested",
  budgetLines: "Budget",
  startDate: "Start date",
  endDate: "End date",
};

const SKIPPED = new Set(["reference", "version"]);

/**
 * A stored version of a bid as label and text rows. Known fields get their labels and money is
 * formatted; fields this page does not know yet are still shown, so nothing is hidden.
 */
export function snapshotRows(snapshot: unknown, money: (pence: number) => string): { label: string; value: string }[] {
  if (!snapshot || typeof snapshot !== "object" || Array.isArray(snapshot)) return [];
  const rows: { label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(snapshot as Record<string, unknown>)) {
    if (SKIPPED.has(key)) continue;
    const label = SNAPSHOT_LABELS[key] ?? key;
    rows.push({ label, value: snapshotValue(key, value, money) });
  }
  return rows;
}

function snapshotValue(key: string, value: unknown, money: (pence: number) => string): string {
  if (value === null || value === undefined || value === "") return "Not given";
  if (key.endsWith("Pence") && typeof value === "number") return money(value);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item && typeof item === "object" && "item" in item && "amountPence" in item) {
          const line = item as { item: unknown; amountPence: unknown };
          return `${String(line.item)}: ${typeof line.amountPence === "number" ? money(line.amountPence) : String(line.amountPence)}`;
        }
        return typeof item === "object" ? JSON.stringify(item) : String(item);
      })
      .join("\n");
  }
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "number") return value.toLocaleString("en-GB");
  return String(value);
}

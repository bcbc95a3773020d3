import type { AuditAction } from "~/domain/audit-events";
import type { Permission } from "~/domain/permissions";
import { ERASURE_REASONS } from "~/domain/personal-data";
import { TRIGGER_WORDS } from "~/domain/checkpoint-auto";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { formatDateTime } from "~/domain/zoned-time";

// The audit log in words an auditor reads months later: what each action means, what its
// payload fields are, and where the thing it changed can be looked at. Payloads hold ids,
// numbers and states (never personal data), so everything here can be shown as it is.

// why Partial: an action added to audit-events.ts without a line here still shows (by its
// name), and audit-describe.test.ts fails until it is described.
export const ACTION_DESCRIPTIONS: Partial<Record<AuditAction, string>> = {
  "user.created": "Staff account created",
  "user.invited": "Staff member invited",
  "user.invite_revoked": "Staff invitation withdrawn",
  "user.roles_changed": "Staff member's roles changed",
  "user.disabled": "Staff account disabled",
  "user.enabled": "Staff account enabled again",
  "user.signed_out_everywhere": "Staff member signed out on every device",
  "user.password_changed": "Staff member changed their password",
  "user.password_reset_requested": "Password reset link sent",
  "user.password_reset": "Password reset with a link",

  "fund.created": "Fund created",
  "fund.updated": "Fund changed",
  "round.created": "Round created",
  "round.updated": "Round changed",
  "round.bids_exported": "Bids downloaded as a spreadsheet",

  "bid.draft_saved": "Bid started as a draft",
  "bid.submitted": "Bid submitted",
  "bid.edited": "Bid changed after it was submitted",
  "bid.withdrawn": "Bid withdrawn",
  "bid.link_reissued": "New private link sent to the group",
  "bid.shortlisted": "Bid shortlisted",
  "bid.declined": "Bid not shortlisted",
  "bid.status_reset": "Shortlist decision undone",

  "event.created": "Pitch event set up",
  "event.updated": "Pitch event details changed",
  "event.running_order_changed": "Running order changed",
  "event.marked_ready": "Event marked ready",
  "event.back_to_draft": "Event put back to draft",
  "event.started": "Event started",
  "event.advanced": "Moved on to the next part of the pitch",
  "event.timer_paused": "Timer paused",
  "event.timer_resumed": "Timer resumed",
  "event.timer_extended": "Time added to the timer",
  "event.slot_locked": "Scores for a pitch locked",
  "event.slot_reopened": "Scoring for a pitch reopened",
  "event.scoring_closed": "Scoring closed for the event",
  "event.scoring_reopened": "Scoring reopened for the event",
  "event.decided": "Event marked as decided",
  "event.results_revealed": "Results shown on the screen",
  "event.awards_revealed": "Awards revealed on the screen",
  "panellist.invited": "Panellist invited",
  "panellist.joined": "Panellist joined on their phone",
  "panellist.invite_reissued": "Panellist sent a new invitation",
  "panellist.revoked": "Panellist removed",
  "conflict.declared": "Conflict of interest declared",
  "conflict.withdrawn": "Conflict of interest withdrawn",
  "score.submitted": "Score sheet submitted",
  "audience.tickets_generated": "Audience voting tickets printed",
  "audience.ballot_cast": "Audience vote cast",
  "paper_tally.entered": "Paper vote count entered",
  "paper_tally.resolved": "Two different paper vote counts resolved",

  "decision.confirmed": "Funding decision confirmed as proposed",
  "decision.overridden": "Funding decision differs from the proposal",
  "award.created": "Award offered",
  "award.accepted": "Award accepted",
  "award.cancelled": "Award cancelled",
  "payment.requested": "Payment requested",
  "payment.approved": "Payment approved by a second funder",
  "payment.sent": "Payment sent",
  "payment.send_refused": "Payment refused by the payment provider",
  "payment.paid": "Payment confirmed as paid",
  "payment.failed": "Payment failed",
  "payment.manual_recorded": "Payment made outside Pitchday recorded",
  "recipient.onboarding_started": "Group started setting up to receive payments",
  "recipient.updated": "Group's payment account updated",
  "stripe.event_processed": "Message from Stripe processed",

  "audit.checkpoint_created": "Audit checkpoint taken",
  "personal_data.exported": "Group's data downloaded",
  "personal_data.erased": "Group's contact details erased",
  "decision.rule_breach_recorded": "Funding decision departs from the round's declared rule, as an exception",
  "decision.rule_exception_approved": "Exception to the round's rule approved by a second funder",
  "grant_report.submitted": "Group sent its end-of-grant report",
  "grant_report.accepted": "End-of-grant report accepted",
  "grant_report.more_requested": "Funder asked the group for more in its end-of-grant report",
  "grant.money_returned": "Unspent grant money recorded as returned",
  "payee.details_saved": "Group gave or changed its bank details",
  "payee.details_viewed": "Group's bank details shown to a funder",
  "payment.approval_withdrawn": "Payment approval withdrawn as the bank details changed",
  "payment.batch_exported": "Bank bulk-payment file made",
  "payment.batch_confirmed": "Bank bulk-payment file confirmed as paid",
  "payment.batch_downloaded": "Bank bulk-payment file downloaded",
  "payment.batch_cancelled": "Bank bulk-payment file cancelled",
  "payee.key_rotated": "Bank details key changed: every stored bank detail re-encrypted",
  "award.schedule_set": "Award's payment schedule set (instalments' planned days and amounts)",
};

export function describeAction(action: string): string {
  return ACTION_DESCRIPTIONS[action as AuditAction] ?? `Other action (${action})`;
}

const AREAS: { prefix: string; label: string }[] = [
  { prefix: "user.", label: "Staff accounts" },
  { prefix: "fund.", label: "Funds" },
  { prefix: "round.", label: "Rounds" },
  { prefix: "bid.", label: "Bids" },
  { prefix: "event.", label: "Pitch events" },
  { prefix: "panellist.", label: "Panel" },
  { prefix: "conflict.", label: "Panel" },
  { prefix: "score.", label: "Panel" },
  { prefix: "audience.", label: "Audience votes" },
  { prefix: "paper_tally.", label: "Audience votes" },
  { prefix: "decision.", label: "Decisions and awards" },
  { prefix: "award.", label: "Decisions and awards" },
  { prefix: "payment.", label: "Payments" },
  { prefix: "recipient.", label: "Payments" },
  { prefix: "payee.", label: "Payments" },
  { prefix: "stripe.", label: "Payments" },
  { prefix: "grant_report.", label: "After the award" },
  { prefix: "grant.", label: "After the award" },
  { prefix: "audit.", label: "Audit and personal data" },
  { prefix: "personal_data.", label: "Audit and personal data" },
];

/** The actions for a filter list, grouped by area in the order the work happens. */
export function actionGroups(actions: readonly string[]): { label: string; options: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const area of AREAS) if (!groups.has(area.label)) groups.set(area.label, []);
  groups.set("Other", []);
  for (const action of actions) {
    const area = AREAS.find((a) => action.startsWith(a.prefix))?.label ?? "Other";
    groups.get(area)!.push({ value: action, label: describeAction(action) });
  }
  return [...groups].filter(([, options]) => options.length > 0).map(([label, options]) => ({ label, options }));
}

// ---------- Who did it ----------

export interface ActorView {
  type: string;
  /** Staff names by user id, group references by bid id: whatever the page looked up. */
  name?: string | null;
}

export function describeActor(actor: ActorView): string {
  switch (actor.type) {
    case "user":
      return actor.name ?? "A staff member whose account no longer exists";
    case "group":
      return actor.name ? `The group ${actor.name}` : "The group";
    case "panellist":
      return "A panellist";
    case "audience":
      return "An audience member";
    case "system":
      return "Pitchday (automatic)";
    default:
      return actor.type;
  }
}

export const ACTOR_TYPES = [
  { value: "user", label: "Staff" },
  { value: "group", label: "Groups" },
  { value: "panellist", label: "Panellists" },
  { value: "audience", label: "Audience members" },
  { value: "system", label: "Pitchday (automatic)" },
] as const;

// ---------- What it changed ----------

interface SubjectKind {
  label: string;
  /** Pages that show it, best first, each for those holding its permission; the log links to the first the reader may open. */
  pages?: { path: (id: string) => string; permission: Permission }[];
}

const SUBJECTS: Record<string, SubjectKind> = {
  bid: { label: "Bid", pages: [{ path: (id) => `/staff/bids/${id}`, permission: "bid:read" }] },
  round: { label: "Round", pages: [{ path: (id) => `/staff/rounds/${id}`, permission: "fund:read" }] },
  fund: { label: "Fund", pages: [{ path: (id) => `/staff/funds/${id}`, permission: "fund:read" }] },
  user: { label: "Staff member", pages: [{ path: (id) => `/admin/users/${id}`, permission: "user:manage" }] },
  event: {
    label: "Pitch event",
    pages: [
      { path: (id) => `/staff/events/${id}`, permission: "event:manage" },
      // why: auditors cannot open the organiser's event page; the event's decision report is theirs.
      { path: (id) => `/audit/events/${id}`, permission: "audit:read" },
    ],
  },
  invite: { label: "Staff invitation" },
  panellist: { label: "Panellist" },
  conflict: { label: "Conflict of interest" },
  score_sheet: { label: "Score sheet" },
  ballot: { label: "Audience ballot" },
  award: { label: "Award" },
  payment: { label: "Payment" },
  payment_batch: { label: "Bank bulk-payment file", pages: [{ path: (id) => `/staff/awards/batches/${id}`, permission: "payment:request" }] },
  stripe_event: { label: "Stripe message" },
  checkpoint: { label: "Audit checkpoint", pages: [{ path: () => "/audit/checkpoints", permission: "audit:read" }] },
};

export function subjectKind(type: string): { label: string } {
  return { label: SUBJECTS[type]?.label ?? type };
}

/** Where the subject can be looked at by someone allowed what `allowed` says; null when nowhere. */
export function subjectLink(type: string, id: string, allowed: (permission: Permission) => boolean): string | null {
  const page = SUBJECTS[type]?.pages?.find((p) => allowed(p.permission));
  return page ? page.path(id) : null;
}

// Payload ids that name something with a page of its own.
const ID_FIELDS: Record<string, string> = {
  bidId: "bid",
  eventId: "event",
  roundId: "round",
  fundId: "fund",
  userId: "user",
  requestedById: "user",
  decidedById: "user",
};

// ---------- The payload ----------

const FIELD_LABELS: Record<string, string> = {
  reference: "Bid reference",
  version: "Version",
  reason: "Reason",
  overrideReason: "Reason for the different decision",
  amountPence: "Amount",
  amountRequestedPence: "Amount asked for",
  potPence: "Pot",
  committedPence: "Already committed",
  minAwardPence: "Smallest award",
  maxAwardPence: "Largest award",
  proposedAmountPence: "Proposed amount",
  proposedOutcome: "Proposed outcome",
  outcome: "Outcome",
  roles: "Roles",
  via: "How",
  by: "Asked for by",
  from: "Was",
  to: "Now",
  changes: "Changes",
  sessionsEnded: "Sessions ended",
  inviteId: "Invitation",
  bidId: "Bid",
  eventId: "Event",
  roundId: "Round",
  fundId: "Fund",
  userId: "Staff member",
  awardId: "Award",
  decisionId: "Decision",
  panellistId: "Panellist",
  slotId: "Pitch",
  requestedById: "Requested by",
  decidedById: "Decided by",
  opensAt: "Opens",
  closesAt: "Closes",
  startsAt: "Starts",
  title: "Title",
  description: "Description",
  eligibility: "Who can apply",
  bilingual: "Bilingual round (Welsh and English)",
  titleCy: "Name of the round in Welsh",
  descriptionCy: "Description in Welsh",
  eligibilityCy: "Who can apply, in Welsh",
  name: "Name",
  slug: "Web address name",
  currency: "Currency",
  count: "How many",
  total: "Total",
  filter: "Which bids",
  searched: "Narrowed by a search",
  contacts: "With contact details",
  pitchSeconds: "Pitch length (seconds)",
  questionSeconds: "Questions length (seconds)",
  slotCount: "Pitches",
  order: "Running order",
  addedBidIds: "Bids added",
  removedBidIds: "Bids removed",
  currentSlotId: "Current pitch",
  slots: "Pitches changed",
  seconds: "Seconds",
  leaveUnheard: "Left pitches unheard",
  state: "State",
  items: "Scores",
  criterionId: "Criterion",
  value: "Score",
  commentLength: "Comment length (characters)",
  feedbackLength: "Feedback length (characters)",
  conditionsLength: "Conditions length (characters)",
  clientMutationId: "Phone's request id",
  mutationId: "Phone's request id",
  declaredBy: "Declared by",
  deviceReleased: "Phone released",
  ticketId: "Ticket",
  bidIds: "Bids voted for",
  previousBidIds: "Bids voted for before",
  points: "Points",
  entry: "Entry",
  firstCount: "First count",
  secondCount: "Second count",
  method: "Method",
  idempotencyKey: "Payment key",
  nextIdempotencyKey: "Next payment key",
  next: "Next try",
  destination: "Paid to",
  providerId: "Provider's reference",
  code: "Code",
  paidOn: "Paid on",
  accountId: "Payment account",
  newAccount: "New account",
  payoutsEnabled: "Can receive payments",
  detailsSubmitted: "Details complete",
  type: "Type",
  effect: "Effect",
  checkpointId: "Checkpoint",
  triggers: "Taken after",
  auditorsMailed: "Auditors emailed",
  pseudonymId: "Group's pseudonymous id",
  note: "Note",
  retentionMonths: "Kept for (months)",
  mailRedacted: "Emails blanked",
  status: "Status",
  batchId: "Bulk-payment file",
  paymentIds: "Payments",
  paidPaymentIds: "Payments recorded as paid",
  skippedPaymentIds: "Payments not paid (bank details changed, or no longer approved)",
  totalPence: "Total",
  fileSha256: "File's SHA-256",
  format: "File format",
  fingerprint: "Bank details' fingerprint",
  purpose: "Why shown",
  rows: "Rows",
  erasedRows: "Erased rows (nothing to re-encrypt)",
  fingerprints: "Fingerprints, old and new",
};

// Coded values this area writes, in words; other payload values are shown as stored.
const VALUE_WORDS: Record<string, Record<string, Record<string, string>>> = {
  "personal_data.erased": { reason: ERASURE_REASONS },
  "audit.checkpoint_created": {
    via: { web: "On the audit pages", cli: "On the server's command line", auto: "By Pitchday itself, and emailed to the auditors" },
    triggers: TRIGGER_WORDS,
  },
};

// Fields that hold an organiser's Welsh words: shown marked lang="cy" on the English staff pages.
const WELSH_FIELDS = new Set(["titleCy", "descriptionCy", "eligibilityCy"]);

/** Part of a value, with its language when it is not the page's (English). */
export interface PayloadPart {
  text: string;
  lang?: "cy";
}

export interface PayloadRow {
  key: string;
  label: string;
  value: string;
  /** The value in parts, each Welsh one marked (a Welsh field, or changes that include one). */
  parts: PayloadPart[];
  /** The id's page, for fields that name a bid, event, round, fund or staff member. */
  link?: { type: string; id: string };
}

export interface PayloadFormat {
  money: (pence: number) => string;
  timeZone: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The payload as label and value rows, in the order it was written, every field shown. */
export function describePayload(action: string, payload: unknown, format: PayloadFormat): PayloadRow[] {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return [];
  return Object.entries(payload as Record<string, unknown>).map(([key, value]) => {
    const row: PayloadRow = { key, label: FIELD_LABELS[key] ?? humanise(key), value: show(key, value, format), parts: [] };
    if (ID_FIELDS[key] && typeof value === "string" && value) row.link = { type: ID_FIELDS[key], id: value };
    const words = VALUE_WORDS[action]?.[key];
    if (words && typeof value === "string" && words[value]) row.value = words[value];
    if (words && Array.isArray(value) && value.length > 0) row.value = value.map((item) => words[String(item)] ?? String(item)).join("; ");
    row.parts = partsOf(key, value, row.value, format);
    return row;
  });
}

function show(key: string, value: unknown, format: PayloadFormat): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return key.endsWith("Pence") ? format.money(value) : String(value);
  if (typeof value === "string") {
    if (value === "") return "(empty)";
    return ISO.test(value) ? formatDateTime(new Date(value), format.timeZone) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "None";
    return value.map((item) => (item && typeof item === "object" ? showObject(item as Record<string, unknown>, format) : show(key, item, format))).join("; ");
  }
  return showObject(value as Record<string, unknown>, format) || "None";
}

function showObject(value: Record<string, unknown>, format: PayloadFormat): string {
  return objectParts(value, format)
    .map((p) => p.text)
    .join("");
}

function objectParts(value: Record<string, unknown>, format: PayloadFormat): PayloadPart[] {
  return Object.entries(value).flatMap(([k, v], index) => {
    const label = `${index > 0 ? ", " : ""}${FIELD_LABELS[k] ?? humanise(k)}: `;
    const shown = show(k, v, format);
    return WELSH_FIELDS.has(k) && typeof v === "string" && v ? [{ text: label }, { text: shown, lang: "cy" as const }] : [{ text: `${label}${shown}` }];
  });
}

/** The row's value in parts: whole for most fields, Welsh words marked wherever they appear. */
function partsOf(key: string, value: unknown, shown: string, format: PayloadFormat): PayloadPart[] {
  if (WELSH_FIELDS.has(key) && typeof value === "string" && value) return [{ text: shown, lang: "cy" }];
  if (value && typeof value === "object" && !Array.isArray(value)) return objectParts(value as Record<string, unknown>, format);
  return [{ text: shown }];
}

/** "pausedRemainingMs" -> "Paused remaining ms". */
export function humanise(key: string): string {
  const words = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 March 2027, 09:30:05" in the given zone: to the second, as an auditor needs it. */
export function formatAuditTime(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "d MMMM yyyy, HH:mm:ss");
}

import * as z from "zod";
import { formatMoney, parsePounds } from "~/domain/money";
import { isValidTimeZone, zonedToUtc } from "~/domain/zoned-time";
import { DEFAULT_REPORT_DUE_MONTHS } from "~/domain/grant-state";

// The fund and round forms: what an organiser types, checked once here for the server (and
// for the browser when JavaScript runs). Field names match the form's `name` attributes, so
// each message lands next to the field that caused it.

export const ORG_ID_PATTERN = /^[A-Z]{2}-[A-Z]{3,}-.+$/;
export const GRANT_PREFIX_PATTERN = /^360G-[A-Za-z0-9-]+$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const DEFAULT_CURRENCY = "GBP";
export const DEFAULT_TIME_ZONE = "Europe/London";

const CURRENCY_CODES: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : ["GBP", "EUR", "USD"],
);

function text(label: string, max: number) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);
}

function optionalText(label: string, max: number) {
  return z
    .string()
    .default("")
    .transform((v) => v.trim())
    .pipe(z.string().max(max, `${capitalise(label)} must be ${max} characters or fewer`));
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pounds(label: string) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((value, ctx) => {
      const pence = parsePounds(value);
      if (pence === null) {
        ctx.addIssue({ code: "custom", message: `Enter ${label} in pounds, like 5000 or 5,000.00` });
        return z.NEVER;
      }
      if (pence <= 0) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} must be more than £0` });
        return z.NEVER;
      }
      return pence;
    });
}

function wholeNumber(label: string, min: number, max: number) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((value, ctx) => {
      const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });
}

function yesNo(message: string) {
  return z.enum(["yes", "no"], { error: message }).transform((v) => v === "yes");
}

// ---------- Fund ----------

export const fundFormSchema = z
  .object({
    name: text("the fund's name", 120),
    pot: pounds("the size of the pot"),
    currency: z
      .string()
      .default(DEFAULT_CURRENCY)
      .transform((v) => v.trim().toUpperCase() || DEFAULT_CURRENCY)
      .refine((v) => CURRENCY_CODES.has(v), "Enter a three-letter currency code, like GBP"),
    minAward: pounds("the smallest award"),
    maxAward: pounds("the largest award"),
    funderName: text("the funder's name", 160),
    funderOrgId: text("the funder's 360Giving organisation identifier", 120).refine(
      (v) => ORG_ID_PATTERN.test(v),
      "Enter an organisation identifier in the 360Giving format, like GB-CHC-1234567 or GB-LAE-THB",
    ),
    grantIdPrefix: text("the grant identifier prefix", 60).refine(
      (v) => GRANT_PREFIX_PATTERN.test(v),
      "Enter the prefix 360Giving registered for the funder, starting 360G- (letters, numbers and hyphens), like 360G-thornburytc",
    ),
    timeZone: z
      .string()
      .default(DEFAULT_TIME_ZONE)
      .transform((v) => v.trim() || DEFAULT_TIME_ZONE)
      .refine(isValidTimeZone, "Enter a time zone name, like Europe/London"),
    // A checkbox: sent as "yes" when ticked, absent when not.
    allowRuleExceptions: z
      .string()
      .optional()
      .transform((v) => v === "yes"),
    reportDueMonths: wholeNumber("the months until the end-of-grant report is due", 1, 60),
  })
  .superRefine((v, ctx) => {
    const known = (n: unknown): n is number => typeof n === "number";
    const money = (p: number) => formatMoney(p, CURRENCY_CODES.has(v.currency) ? v.currency : DEFAULT_CURRENCY);
    if (known(v.minAward) && known(v.maxAward) && v.minAward > v.maxAward) {
      ctx.addIssue({
        code: "custom",
        path: ["minAward"],
        message: `The smallest award must not be more than the largest award (${money(v.maxAward)})`,
      });
    }
    if (known(v.maxAward) && known(v.pot) && v.maxAward > v.pot) {
      ctx.addIssue({
        code: "custom",
        path: ["maxAward"],
        message: `The largest award must not be more than the pot (${money(v.pot)})`,
      });
    }
  })
  .transform((v) => ({
    name: v.name,
    potPence: v.pot,
    currency: v.currency,
    minAwardPence: v.minAward,
    maxAwardPence: v.maxAward,
    funderName: v.funderName,
    funderOrgId: v.funderOrgId,
    grantIdPrefix: v.grantIdPrefix,
    timeZone: v.timeZone,
    allowRuleExceptions: v.allowRuleExceptions,
    reportDueMonths: v.reportDueMonths,
  }));

export type FundFormData = z.infer<typeof fundFormSchema>;

export const FUND_FIELD_LABELS: Record<string, string> = {
  name: "Fund name",
  pot: "Pot",
  currency: "Currency",
  minAward: "Smallest award",
  maxAward: "Largest award",
  funderName: "Funder's name",
  funderOrgId: "360Giving organisation identifier",
  grantIdPrefix: "Grant identifier prefix",
  timeZone: "Time zone",
  allowRuleExceptions: "Exceptions to a round's rules",
  reportDueMonths: "End-of-grant report due",
};

// ---------- Round ----------

export const TIE_BREAKS = ["HIGHER_PANEL_SCORE", "LOWER_AMOUNT", "EARLIER_SUBMISSION"] as const;
export const AUDIENCE_MODES = ["NONE", "TICKETS", "OPEN"] as const;
export type TieBreakValue = (typeof TIE_BREAKS)[number];
export type AudienceModeValue = (typeof AUDIENCE_MODES)[number];

export const TIE_BREAK_LABELS: Record<TieBreakValue, string> = {
  HIGHER_PANEL_SCORE: "The bid with the higher panel score goes first",
  LOWER_AMOUNT: "The bid asking for less money goes first",
  EARLIER_SUBMISSION: "The bid that was sent first goes first",
};

export const AUDIENCE_MODE_LABELS: Record<AudienceModeValue, string> = {
  NONE: "No audience vote",
  TICKETS: "Audience votes with printed ticket codes",
  OPEN: "Anyone in the room can vote with the event's join code",
};

/** How many criteria rows the form offers before "Add another criterion" is used. */
export const EMPTY_CRITERIA_ROWS = 3;
export const MAX_CRITERIA = 12;

export interface CriterionRow {
  id?: string;
  name: string;
  guidance: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

const rawCriterion = z.object({
  id: z.string().optional(),
  name: z.string().default(""),
  guidance: z.string().default(""),
  weight: z.string().default(""),
  scaleMin: z.string().default(""),
  scaleMax: z.string().default(""),
});

function int(value: string): number | null {
  const v = value.trim();
  return /^\d{1,4}$/.test(v) ? Number(v) : null;
}

/** One criterion row; a row with no name and no guidance is an unused row and is dropped. */
const criterionRow = rawCriterion.transform((row, ctx): CriterionRow | null => {
  const name = row.name.trim();
  const guidance = row.guidance.trim();
  if (!name && !guidance) return null;
  const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
  if (!name) issue("name", "Enter a name for this criterion, or clear its guidance to remove it");
  else if (name.length > 80) issue("name", "The criterion's name must be 80 characters or fewer");
  if (guidance.length > 600) issue("guidance", "The guidance must be 600 characters or fewer");
  const weight = int(row.weight);
  if (weight === null || weight < 1 || weight > 10) issue("weight", "The weight must be a whole number from 1 to 10");
  const scaleMin = int(row.scaleMin);
  const scaleMax = int(row.scaleMax);
  if (scaleMin === null || scaleMin > 10) issue("scaleMin", "The lowest score must be a whole number from 0 to 10");
  if (scaleMax === null || scaleMax < 1 || scaleMax > 100) {
    issue("scaleMax", "The highest score must be a whole number from 1 to 100");
  } else if (scaleMin !== null && scaleMax <= scaleMin) {
    issue("scaleMax", `The highest score must be more than the lowest score (${scaleMin})`);
  }
  return {
    ...(row.id ? { id: row.id } : {}),
    name,
    guidance,
    weight: weight ?? 1,
    scaleMin: scaleMin ?? 0,
    scaleMax: scaleMax ?? 1,
  };
});

/** `criteria.0.name`, `criteria.0.weight`, ... from a form become rows, keeping their positions. */
export function criteriaRowsFrom(values: Record<string, unknown>): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^criteria\.(\d{1,2})\.(id|name|guidance|weight|scaleMin|scaleMax)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const index = Number(m[1]);
    if (index >= MAX_CRITERIA * 2) continue;
    while (rows.length <= index) rows.push({});
    rows[index][m[2]] = value;
  }
  return rows;
}

const decisionRuleFields = {
  panelWeightPercent: wholeNumber("the panel's weight", 0, 100),
  audienceWeightPercent: wholeNumber("the audience's weight", 0, 100),
  normaliseScores: yesNo("Choose whether to even out panellists' scoring habits"),
  quorum: wholeNumber("the quorum", 1, 50),
  partFundingAllowed: yesNo("Choose whether the panel may offer part of the amount asked for"),
  partFundingMinPercent: z.string().default(""),
  tieBreak: z.enum(TIE_BREAKS, { error: "Choose how to separate bids with equal scores" }),
  audienceMode: z.enum(AUDIENCE_MODES, { error: "Choose whether the audience votes" }),
  audienceVotesPerPerson: z.string().default(""),
};

// A bilingual round (issue 14): the organiser's own Welsh title, description and who can apply,
// shown to groups beside the English. Each Welsh box is needed when bilingual is ticked and its
// English box is filled (the title always is).
const welshFields = {
  bilingual: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) === "yes", z.boolean()),
  titleCy: optionalText("the Welsh title", 120),
  descriptionCy: optionalText("the Welsh description", 2_000),
  eligibilityCy: optionalText("who can apply, in Welsh", 2_000),
};

const WELSH_NEEDED: Array<[english: "title" | "description" | "eligibility", welsh: string, message: string]> = [
  ["title", "titleCy", "Enter the round's name in Welsh, or untick \"Bilingual round\""],
  ["description", "descriptionCy", "Enter the description in Welsh too, as the round is bilingual"],
  ["eligibility", "eligibilityCy", "Enter who can apply in Welsh too, as the round is bilingual"],
];

export function welshProblems(v: { bilingual?: unknown; title?: unknown; description?: unknown; eligibility?: unknown } & Record<string, unknown>): [string, string][] {
  if (v.bilingual !== true) return [];
  return WELSH_NEEDED.filter(([english, welsh]) => (english === "title" || Boolean(v[english])) && !v[welsh]).map(([, welsh, message]) => [welsh, message]);
}

/**
 * The round form, read in the fund's time zone: `opensAt`/`closesAt` are wall-clock times
 * there. Whether criteria and rule may still change is the round model's decision, not the form's.
 */
export function roundFormSchema(timeZone: string) {
  const when = (label: string) =>
    z
      .string({ error: `Enter the date and time the round ${label}` })
      .trim()
      .min(1, `Enter the date and time the round ${label}`)
      .transform((value, ctx) => {
        const at = zonedToUtc(value, timeZone);
        if (!at) {
          ctx.addIssue({
            code: "custom",
            message: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/.test(value)
              ? `That time does not exist in ${timeZone} (the clocks go forward then): choose another time`
              : `Enter the date and time the round ${label}, like 2027-03-01 09:00`,
          });
          return z.NEVER;
        }
        return at;
      });

  return z
    .preprocess(
      (input) => {
        if (!input || typeof input !== "object") return input;
        return { ...(input as object), criteria: criteriaRowsFrom(input as Record<string, unknown>) };
      },
      z.object({
        title: text("the round's title", 120),
        slug: text("the web address name", 60).refine(
          (v) => SLUG_PATTERN.test(v),
          "The web address name can only use lowercase letters, numbers and single hyphens, like spring-2027",
        ),
        opensAt: when("opens"),
        closesAt: when("closes"),
        description: optionalText("the description", 2_000),
        eligibility: optionalText("who can apply", 2_000),
        ...welshFields,
        criteria: z.array(criterionRow).max(MAX_CRITERIA * 2),
        ...decisionRuleFields,
      }),
    )
    .superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      if (v.opensAt instanceof Date && v.closesAt instanceof Date && v.closesAt <= v.opensAt) {
        issue(["closesAt"], "The closing time must be after the opening time");
      }
      for (const [path, message] of welshProblems(v)) issue([path], message);
      if (Array.isArray(v.criteria)) {
        const used = v.criteria.filter(Boolean);
        if (used.length === 0) issue(["criteria", 0, "name"], "Add at least one assessment criterion");
        if (used.length > MAX_CRITERIA) {
          issue(["criteria", 0, "name"], `A round can have up to ${MAX_CRITERIA} criteria`);
        }
        const seen = new Set<string>();
        v.criteria.forEach((row, index) => {
          if (!row) return;
          const key = row.name.toLowerCase();
          if (seen.has(key)) issue(["criteria", index, "name"], `There is already a criterion called "${row.name}"`);
          seen.add(key);
        });
      }
      const panel = v.panelWeightPercent;
      const audience = v.audienceWeightPercent;
      if (typeof panel === "number" && typeof audience === "number") {
        if (v.audienceMode === "NONE" && audience > 0) {
          issue(["audienceWeightPercent"], "There is no audience vote, so the audience's weight must be 0");
        } else if (panel + audience !== 100) {
          issue(["audienceWeightPercent"], `The panel's and the audience's weights must add up to 100 (now ${panel + audience})`);
        }
      }
      if (v.partFundingAllowed === true) {
        const share = int(v.partFundingMinPercent ?? "");
        if (share === null || share < 1 || share > 99) {
          issue(["partFundingMinPercent"], "Enter the smallest share of the amount asked for, a whole number from 1 to 99");
        }
      }
      if (v.audienceMode === "TICKETS" || v.audienceMode === "OPEN") {
        const votes = int(v.audienceVotesPerPerson ?? "");
        if (votes === null || votes < 1 || votes > 20) {
          issue(["audienceVotesPerPerson"], "Enter how many votes each person has, a whole number from 1 to 20");
        }
      }
    })
    .transform((v) => ({
      title: v.title,
      slug: v.slug,
      opensAt: v.opensAt,
      closesAt: v.closesAt,
      description: v.description,
      eligibility: v.eligibility,
      bilingual: v.bilingual,
      titleCy: v.titleCy,
      descriptionCy: v.descriptionCy,
      eligibilityCy: v.eligibilityCy,
      criteria: v.criteria.filter((row): row is CriterionRow => row !== null),
      panelWeightPercent: v.panelWeightPercent,
      audienceWeightPercent: v.audienceWeightPercent,
      normaliseScores: v.normaliseScores,
      quorum: v.quorum,
      partFundingAllowed: v.partFundingAllowed,
      // why: the share is kept (not required) while part-funding is off, so turning it back
      // on later starts from the last value or the schema's default of 50.
      partFundingMinPercent: int(v.partFundingMinPercent) ?? 50,
      tieBreak: v.tieBreak,
      audienceMode: v.audienceMode,
      audienceVotesPerPerson: int(v.audienceVotesPerPerson) ?? 3,
    }));
}

export type RoundFormData = z.output<ReturnType<typeof roundFormSchema>>;
export type DecisionRule = Pick<
  RoundFormData,
  | "panelWeightPercent"
  | "audienceWeightPercent"
  | "normaliseScores"
  | "quorum"
  | "partFundingAllowed"
  | "partFundingMinPercent"
  | "tieBreak"
  | "audienceMode"
  | "audienceVotesPerPerson"
>;

export const ROUND_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  slug: "Web address name",
  opensAt: "Opens",
  closesAt: "Closes",
  description: "Description",
  eligibility: "Who can apply",
  bilingual: "Bilingual round",
  titleCy: "Name of the round in Welsh",
  descriptionCy: "Description in Welsh",
  eligibilityCy: "Who can apply, in Welsh",
  panelWeightPercent: "Panel's weight",
  audienceWeightPercent: "Audience's weight",
  normaliseScores: "Even out scoring habits",
  quorum: "Quorum",
  partFundingAllowed: "Part-funding",
  partFundingMinPercent: "Smallest share",
  tieBreak: "Equal scores",
  audienceMode: "Audience vote",
  audienceVotesPerPerson: "Votes per person",
};

/** Labels for the error summary, including each criterion row's fields. */
export function roundFieldLabel(key: string): string | undefined {
  const m = /^criteria\.(\d+)\.(\w+)$/.exec(key);
  if (m) {
    const part = { name: "name", guidance: "guidance", weight: "weight", scaleMin: "lowest score", scaleMax: "highest score" }[m[2]];
    return `Criterion ${Number(m[1]) + 1} ${part ?? ""}`.trim();
  }
  return ROUND_FIELD_LABELS[key];
}

/** Criteria and the decision rule are fixed once a live event for the round has started. */
export const LOCKING_EVENT_STATES = ["LIVE", "SCORING_CLOSED", "DECIDED"] as const;

export function ruleIsLocked(eventStates: readonly string[]): boolean {
  return eventStates.some((s) => (LOCKING_EVENT_STATES as readonly string[]).includes(s));
}

// ---------- Audited changes ----------

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

function comparable(value: unknown): AuditValue {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  }
  return (value ?? null) as AuditValue;
}

/**
 * The fields of `next` that differ from `current`, with their new values (dates as ISO text),
 * for an audit entry. Only the named fields are compared, so nothing else can leak into the log.
 */
export function changedFields<F extends string>(
  current: Record<F, unknown>,
  next: Partial<Record<F, unknown>>,
  fields: readonly F[],
) {
  const changes: Record<string, AuditValue> = {};
  for (const field of fields) {
    if (!(field in next)) continue;
    const before = comparable(current[field]);
    const after = comparable(next[field]);
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[field] = after;
  }
  return changes;
}

// ---------- What the forms show ----------

export type FormValues = Record<string, string | string[]>;

interface StoredFund {
  name: string;
  potPence: number;
  currency: string;
  minAwardPence: number;
  maxAwardPence: number;
  funderName: string;
  funderOrgId: string;
  grantIdPrefix: string;
  timeZone: string;
  allowRuleExceptions?: boolean;
  reportDueMonths?: number;
}

export function fundFormValues(fund: StoredFund, toInput: (pence: number) => string): FormValues {
  return {
    name: fund.name,
    pot: toInput(fund.potPence),
    currency: fund.currency,
    minAward: toInput(fund.minAwardPence),
    maxAward: toInput(fund.maxAwardPence),
    funderName: fund.funderName,
    funderOrgId: fund.funderOrgId,
    grantIdPrefix: fund.grantIdPrefix,
    timeZone: fund.timeZone,
    allowRuleExceptions: fund.allowRuleExceptions ? "yes" : "",
    reportDueMonths: String(fund.reportDueMonths ?? DEFAULT_REPORT_DUE_MONTHS),
  };
}

export const NEW_FUND_VALUES: FormValues = { currency: DEFAULT_CURRENCY, timeZone: DEFAULT_TIME_ZONE, reportDueMonths: String(DEFAULT_REPORT_DUE_MONTHS) };

const EMPTY_CRITERION = { id: "", name: "", guidance: "", weight: "1", scaleMin: "1", scaleMax: "5" };

function criterionValues(index: number, row: Partial<Record<keyof typeof EMPTY_CRITERION, string>>): FormValues {
  const out: FormValues = {};
  for (const key of Object.keys(EMPTY_CRITERION) as (keyof typeof EMPTY_CRITERION)[]) {
    const value = row[key] ?? EMPTY_CRITERION[key];
    if (key === "id" && !value) continue;
    out[`criteria.${index}.${key}`] = value;
  }
  return out;
}

/** How many criterion rows the values hold (the form shows that many). */
export function criteriaRowCount(values: FormValues): number {
  return criteriaRowsFrom(values).length;
}

/** The same values with one more, empty, criterion row at the end. */
export function addCriterionRow(values: FormValues): FormValues {
  const count = criteriaRowCount(values);
  if (count >= MAX_CRITERIA) return values;
  return { ...values, ...criterionValues(count, {}) };
}

/** The same values without criterion row `index`; the rows after it move up one. */
export function removeCriterionRow(values: FormValues, index: number): FormValues {
  const rows = criteriaRowsFrom(values);
  if (index < 0 || index >= rows.length) return values;
  const rest = Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("criteria.")));
  const kept = rows.filter((_, i) => i !== index);
  const out: FormValues = { ...rest };
  kept.forEach((row, i) => Object.assign(out, criterionValues(i, row)));
  if (kept.length === 0) Object.assign(out, criterionValues(0, {}));
  return out;
}

export function newRoundValues(): FormValues {
  let values: FormValues = {
    panelWeightPercent: "100",
    audienceWeightPercent: "0",
    normaliseScores: "no",
    quorum: "3",
    partFundingAllowed: "no",
    partFundingMinPercent: "50",
    tieBreak: "HIGHER_PANEL_SCORE",
    audienceMode: "NONE",
    audienceVotesPerPerson: "3",
  };
  for (let i = 0; i < EMPTY_CRITERIA_ROWS; i++) values = addCriterionRow(values);
  return values;
}

interface StoredRound {
  title: string;
  slug: string;
  opensAt: Date;
  closesAt: Date;
  description: string;
  eligibility: string;
  bilingual?: boolean;
  titleCy?: string;
  descriptionCy?: string;
  eligibilityCy?: string;
  panelWeightPercent: number;
  audienceWeightPercent: number;
  normaliseScores: boolean;
  quorum: number;
  partFundingAllowed: boolean;
  partFundingMinPercent: number;
  tieBreak: string;
  audienceMode: string;
  audienceVotesPerPerson: number;
  criteria: { id: string; name: string; guidance: string; weight: number; scaleMin: number; scaleMax: number }[];
}

/** A saved round as the edit form shows it, with one empty criterion row to add to. */
export function roundFormValues(round: StoredRound, toLocalInput: (at: Date) => string, spareRow = true): FormValues {
  const values: FormValues = {
    title: round.title,
    slug: round.slug,
    opensAt: toLocalInput(round.opensAt),
    closesAt: toLocalInput(round.closesAt),
    description: round.description,
    eligibility: round.eligibility,
    bilingual: round.bilingual ? "yes" : "",
    titleCy: round.titleCy ?? "",
    descriptionCy: round.descriptionCy ?? "",
    eligibilityCy: round.eligibilityCy ?? "",
    panelWeightPercent: String(round.panelWeightPercent),
    audienceWeightPercent: String(round.audienceWeightPercent),
    normaliseScores: round.normaliseScores ? "yes" : "no",
    quorum: String(round.quorum),
    partFundingAllowed: round.partFundingAllowed ? "yes" : "no",
    partFundingMinPercent: String(round.partFundingMinPercent),
    tieBreak: round.tieBreak,
    audienceMode: round.audienceMode,
    audienceVotesPerPerson: String(round.audienceVotesPerPerson),
  };
  round.criteria.forEach((c, i) =>
    Object.assign(
      values,
      criterionValues(i, {
        id: c.id,
        name: c.name,
        guidance: c.guidance,
        weight: String(c.weight),
        scaleMin: String(c.scaleMin),
        scaleMax: String(c.scaleMax),
      }),
    ),
  );
  return spareRow ? addCriterionRow(values) : values;
}

// The decision rule in plain English lives with the rest of the rule summary.
export { describeRule } from "~/domain/rule-summary";

/**
 * The criteria buttons of the round form ("Add another criterion", "Remove"): the values to show
 * again and the row to put the cursor in, or null when the form was sent to be saved.
 */
export function criteriaStep(intent: unknown, values: FormValues): { values: FormValues; focusRow: number | null } | null {
  const { intent: _button, ...typed } = values;
  if (intent === "add-criterion") {
    const next = addCriterionRow(typed);
    return { values: next, focusRow: criteriaRowCount(next) - 1 };
  }
  const remove = typeof intent === "string" ? /^remove-criterion-(\d{1,2})$/.exec(intent) : null;
  if (remove) return { values: removeCriterionRow(typed, Number(remove[1])), focusRow: null };
  return null;
}

// Ranking that explains itself. The funder decides in front of the room and must defend every
// decision later, so every number that went into a bid's place is returned beside the place.
//
// Decisions this module makes (and the tests pin down):
// - A panellist's score for a bid is the weighted mean of their criterion scores. Each value is
//   first taken as a fraction of its criterion's scale, so criteria on different scales mix
//   fairly; the result is shown on the criteria's common scale (or out of 100 when they differ).
// - Only complete, in-range sheets from panellists on the panel count. Recused panellists,
//   panellists who did not score (abstained) and invalid sheets are excluded with a reason and
//   never counted as zero.
// - Normalisation (optional) turns each panellist's scores into z-scores over the bids that
//   panellist scored, mapped back with the mean and spread of all counted scores. A panellist
//   with a single counted score cannot be calibrated, so that score is used as given. A
//   panellist who gave every bid the same score expresses no preference, so each of their
//   scores becomes the overall mean. Normalised values are kept inside the scale (flagged).
// - The audience part is the bid's points relative to the most-voted bid (the favourite gets
//   the top of the scale, the others in proportion); its share of all points is shown too.
//   With no audience votes at all the audience part is zero for every bid, which leaves the
//   order to the panel without rewriting the declared weights.
// - combined = panel weight x panel fraction + audience weight x audience fraction (0..1).
// - Bids short of quorum are ranked after every bid that met it: a place earned from too few
//   scores must not overtake a properly scored pitch. They keep their figures and a flag.
// - Ties (equal to 9 decimal places, so float noise never decides) are broken by the declared
//   rule, then by reference, so the same scores always give the same order.

export const TIE_BREAKS = ["HIGHER_PANEL_SCORE", "LOWER_AMOUNT", "EARLIER_SUBMISSION"] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export const TIE_BREAK_LABELS: Record<TieBreak, string> = {
  HIGHER_PANEL_SCORE: "the higher panel score",
  LOWER_AMOUNT: "the lower amount requested",
  EARLIER_SUBMISSION: "the earlier submission",
};

/** The decision rule of a round (mirrors Round in prisma/schema.prisma). */
export interface ScoringRule {
  panelWeightPercent: number;
  audienceWeightPercent: number;
  normaliseScores: boolean;
  quorum: number;
  tieBreak: TieBreak;
}

export interface ScoringCriterion {
  id: string;
  name: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface ScoringBid {
  id: string;
  reference: string;
  amountRequestedPence: number | null;
  submittedAt: Date | null;
}

export interface ScoringPanellist {
  id: string;
}

export interface ScoringSheet {
  panellistId: string;
  bidId: string;
  items: readonly { criterionId: string; value: number }[];
}

export interface Recusal {
  panellistId: string;
  bidId: string;
}

export interface AudienceTally {
  bidId: string;
  points: number;
}

export interface ScoringInput {
  rule: ScoringRule;
  criteria: readonly ScoringCriterion[];
  bids: readonly ScoringBid[];
  /** The panel of the event: whose absence from a bid counts as an abstention. */
  panellists: readonly ScoringPanellist[];
  /** Current score sheets only (one per panellist and bid). */
  sheets: readonly ScoringSheet[];
  recusals: readonly Recusal[];
  /** Audience points per bid; bids with no entry received no points. */
  audience: readonly AudienceTally[];
}

export interface Scale {
  min: number;
  max: number;
}

export type PanellistStatus =
  | "COUNTED"
  | "RECUSED"
  | "ABSTAINED"
  | "INCOMPLETE"
  | "OUT_OF_RANGE"
  | "NOT_ON_PANEL";

export type NormalisationMethod = "Z_SCORE" | "SINGLE_SCORE" | "NO_VARIANCE";

export interface PanellistScore {
  panellistId: string;
  status: PanellistStatus;
  /** Plain-English reason for an exclusion; null when counted. */
  exclusionReason: string | null;
  /** Weighted mean on the display scale; null when the sheet is missing or invalid. */
  weightedMean: number | null;
  /** Only when normalisation is on and the score counted. */
  normalised: number | null;
  normalisation: NormalisationMethod | null;
  /** The normalised value fell outside the scale and was brought back to its edge. */
  clamped: boolean;
}

export interface PanelFigures {
  /** Mean of the counted panellists' weighted means. */
  raw: number | null;
  /** Mean of the counted panellists' normalised scores (normalisation on only). */
  normalised: number | null;
  /** The figure the ranking used: normalised when on, otherwise raw. */
  used: number | null;
  /** `used` as a fraction of the scale, 0..1. */
  fraction: number | null;
}

export interface AudienceFigures {
  points: number;
  totalPoints: number;
  /** Share of all audience points, 0..1. */
  share: number;
  /** Points relative to the most-voted bid, 0..1: what the combined score uses. */
  fraction: number;
  /** `fraction` on the panel's display scale, for showing beside the panel score. */
  onScale: number;
}

export interface TieNote {
  reference: string;
  /** Whether this bid was placed ahead of the other. */
  ahead: boolean;
  /** What separated them: the declared rule, or the reference when the rule could not. */
  decidedBy: TieBreak | "REFERENCE";
}

export interface BidRanking {
  bidId: string;
  reference: string;
  rank: number;
  amountRequestedPence: number | null;
  submittedAt: Date | null;
  meetsQuorum: boolean;
  quorum: number;
  counted: number;
  recused: number;
  abstained: number;
  /** Sheets excluded as incomplete, out of range or from outside the panel. */
  invalid: number;
  panellists: PanellistScore[];
  panel: PanelFigures;
  audience: AudienceFigures;
  panelComponent: number | null;
  audienceComponent: number;
  /** 0..1; null when no panellist's score counted. */
  combined: number | null;
  /** Bids with the same combined score (and quorum status), and what separated them. */
  ties: TieNote[];
}

export interface Ranking {
  rule: ScoringRule;
  scale: Scale;
  /** Mean and spread of all counted scores, used to map z-scores back (normalisation on). */
  normalisation: { mean: number; sd: number } | null;
  audienceTotalPoints: number;
  /** In rank order. */
  bids: BidRanking[];
}

const PRECISION = 1e9;

/** Values equal to 9 decimal places compare equal, so summation order never decides a tie. */
function quantise(value: number): number {
  return Math.round(value * PRECISION);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Population standard deviation: the scores are the whole set, not a sample of it. */
function sd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

function pairKey(panellistId: string, bidId: string) {
  return `${panellistId}\u0000${bidId}`;
}

function checkInput(input: ScoringInput) {
  const { rule, criteria, bids } = input;
  for (const [name, value] of [
    ["panelWeightPercent", rule.panelWeightPercent],
    ["audienceWeightPercent", rule.audienceWeightPercent],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      throw new RangeError(`${name} must be a whole number from 0 to 100.`);
    }
  }
  if (rule.panelWeightPercent + rule.audienceWeightPercent !== 100) {
    throw new RangeError("The panel and audience weights must add up to 100%.");
  }
  if (!Number.isInteger(rule.quorum) || rule.quorum < 1) {
    throw new RangeError("The quorum must be at least one panellist.");
  }
  if (!TIE_BREAKS.includes(rule.tieBreak)) throw new RangeError(`Unknown tie-break ${rule.tieBreak}.`);
  if (criteria.length === 0) throw new RangeError("A round needs at least one criterion to score.");
  for (const c of criteria) {
    if (!Number.isInteger(c.weight) || c.weight < 0) {
      throw new RangeError(`Criterion "${c.name}" has a weight that is not a whole number of 0 or more.`);
    }
    if (!(c.scaleMax > c.scaleMin)) throw new RangeError(`Criterion "${c.name}" has an empty scale.`);
  }
  if (criteria.every((c) => c.weight === 0)) throw new RangeError("At least one criterion needs a weight above 0.");
  assertUnique(criteria.map((c) => c.id), "criterion");
  assertUnique(bids.map((b) => b.id), "bid");
  assertUnique(input.panellists.map((p) => p.id), "panellist");
  assertUnique(input.sheets.map((s) => pairKey(s.panellistId, s.bidId)), "score sheet for a panellist and bid");
  assertUnique(input.audience.map((a) => a.bidId), "audience tally");
  const bidIds = new Set(bids.map((b) => b.id));
  for (const s of input.sheets) {
    if (!bidIds.has(s.bidId)) throw new RangeError(`A score sheet names bid ${s.bidId}, which is not being ranked.`);
  }
  for (const a of input.audience) {
    if (!bidIds.has(a.bidId)) throw new RangeError(`Audience points name bid ${a.bidId}, which is not being ranked.`);
    if (!Number.isInteger(a.points) || a.points < 0) {
      throw new RangeError(`Audience points for bid ${a.bidId} are not a whole number of 0 or more.`);
    }
  }
}

function assertUnique(values: readonly string[], what: string) {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new RangeError(`Duplicate ${what}: ${v.replace("\u0000", " / ")}.`);
    seen.add(v);
  }
}

/** The scale scores are shown on: the criteria's own when they share one, otherwise 0-100. */
export function displayScale(criteria: readonly ScoringCriterion[]): Scale {
  const first = criteria[0];
  const shared = criteria.every((c) => c.scaleMin === first.scaleMin && c.scaleMax === first.scaleMax);
  return shared ? { min: first.scaleMin, max: first.scaleMax } : { min: 0, max: 100 };
}

type SheetCheck =
  | { ok: true; fraction: number }
  | { ok: false; status: "INCOMPLETE" | "OUT_OF_RANGE"; reason: string };

function weightedFraction(sheet: ScoringSheet, criteria: readonly ScoringCriterion[]): SheetCheck {
  const values = new Map<string, number>();
  for (const item of sheet.items) {
    if (values.has(item.criterionId)) {
      return { ok: false, status: "INCOMPLETE", reason: "sheet scores a criterion twice" };
    }
    values.set(item.criterionId, item.value);
  }
  const known = new Set(criteria.map((c) => c.id));
  if ([...values.keys()].some((id) => !known.has(id))) {
    return { ok: false, status: "INCOMPLETE", reason: "sheet scores a criterion this round does not have" };
  }
  let weighted = 0;
  let totalWeight = 0;
  const missing: string[] = [];
  for (const c of criteria) {
    const value = values.get(c.id);
    if (value === undefined) {
      missing.push(c.name);
      continue;
    }
    if (!Number.isFinite(value) || value < c.scaleMin || value > c.scaleMax) {
      return {
        ok: false,
        status: "OUT_OF_RANGE",
        reason: `score ${value} for "${c.name}" is outside ${c.scaleMin}-${c.scaleMax}`,
      };
    }
    weighted += c.weight * ((value - c.scaleMin) / (c.scaleMax - c.scaleMin));
    totalWeight += c.weight;
  }
  if (missing.length > 0) {
    return { ok: false, status: "INCOMPLETE", reason: `sheet has no score for ${missing.map((m) => `"${m}"`).join(", ")}` };
  }
  return { ok: true, fraction: weighted / totalWeight };
}

function toScale(fraction: number, scale: Scale) {
  return scale.min + fraction * (scale.max - scale.min);
}

function toFraction(value: number, scale: Scale) {
  return (value - scale.min) / (scale.max - scale.min);
}

interface Working extends Omit<BidRanking, "rank" | "ties"> {
  quorumGroup: 0 | 1;
}

/** Ranks the bids and explains every figure behind each place. Pure: same input, same output. */
export function rankBids(input: ScoringInput): Ranking {
  checkInput(input);
  const { rule, criteria, bids } = input;
  const scale = displayScale(criteria);
  const panelIds = new Set(input.panellists.map((p) => p.id));
  const recused = new Set(input.recusals.map((r) => pairKey(r.panellistId, r.bidId)));
  const sheetsByBid = new Map<string, ScoringSheet[]>();
  for (const s of input.sheets) {
    const list = sheetsByBid.get(s.bidId) ?? [];
    list.push(s);
    sheetsByBid.set(s.bidId, list);
  }

  // First pass: each panellist's weighted mean per bid, with exclusions.
  const perBid = new Map<string, PanellistScore[]>();
  for (const bid of bids) {
    const sheets = sheetsByBid.get(bid.id) ?? [];
    const byPanellist = new Map(sheets.map((s) => [s.panellistId, s]));
    const rows: PanellistScore[] = [];
    const panellistIds = [...input.panellists.map((p) => p.id), ...sheets.map((s) => s.panellistId).filter((id) => !panelIds.has(id))];
    for (const panellistId of panellistIds) {
      const sheet = byPanellist.get(panellistId);
      const base = { panellistId, normalised: null, normalisation: null, clamped: false } as const;
      const check = sheet ? weightedFraction(sheet, criteria) : null;
      const weightedMean = check?.ok ? toScale(check.fraction, scale) : null;
      if (!panelIds.has(panellistId)) {
        rows.push({ ...base, status: "NOT_ON_PANEL", exclusionReason: "not on this event's panel", weightedMean });
      } else if (recused.has(pairKey(panellistId, bid.id))) {
        rows.push({ ...base, status: "RECUSED", exclusionReason: "declared a conflict of interest", weightedMean });
      } else if (!check) {
        rows.push({ ...base, status: "ABSTAINED", exclusionReason: "did not score this pitch", weightedMean: null });
      } else if (!check.ok) {
        rows.push({ ...base, status: check.status, exclusionReason: check.reason, weightedMean: null });
      } else {
        rows.push({ ...base, status: "COUNTED", exclusionReason: null, weightedMean });
      }
    }
    perBid.set(bid.id, rows);
  }

  // Normalisation: z-scores per panellist over the bids that panellist counted on.
  let normalisation: Ranking["normalisation"] = null;
  if (rule.normaliseScores) {
    const counted = [...perBid.values()].flat().filter((r) => r.status === "COUNTED");
    const byPanellist = new Map<string, number[]>();
    for (const r of counted) {
      const list = byPanellist.get(r.panellistId) ?? [];
      list.push(r.weightedMean as number);
      byPanellist.set(r.panellistId, list);
    }
    if (counted.length > 0) {
      const all = counted.map((r) => r.weightedMean as number);
      normalisation = { mean: mean(all), sd: sd(all) };
      const overall = normalisation;
      for (const r of counted) {
        const own = byPanellist.get(r.panellistId) as number[];
        const value = r.weightedMean as number;
        let normalised: number;
        if (own.length < 2) {
          r.normalisation = "SINGLE_SCORE";
          normalised = value;
        } else {
          const ownSd = sd(own);
          if (quantise(ownSd) === 0) {
            r.normalisation = "NO_VARIANCE";
            normalised = overall.mean;
          } else {
            r.normalisation = "Z_SCORE";
            normalised = overall.mean + ((value - mean(own)) / ownSd) * overall.sd;
          }
        }
        const clampedValue = Math.min(scale.max, Math.max(scale.min, normalised));
        r.clamped = clampedValue !== normalised;
        r.normalised = clampedValue;
      }
    }
  }

  const tallies = new Map(input.audience.map((a) => [a.bidId, a.points]));
  const totalPoints = input.audience.reduce((sum, a) => sum + a.points, 0);
  const maxPoints = input.audience.reduce((max, a) => Math.max(max, a.points), 0);

  const working: Working[] = bids.map((bid) => {
    const rows = perBid.get(bid.id) as PanellistScore[];
    const counted = rows.filter((r) => r.status === "COUNTED");
    const raw = counted.length ? mean(counted.map((r) => r.weightedMean as number)) : null;
    const normalised =
      rule.normaliseScores && counted.length ? mean(counted.map((r) => r.normalised as number)) : null;
    const used = rule.normaliseScores ? normalised : raw;
    const fraction = used === null ? null : toFraction(used, scale);
    const points = tallies.get(bid.id) ?? 0;
    const audienceFraction = maxPoints > 0 ? points / maxPoints : 0;
    const panelComponent = fraction === null ? null : (rule.panelWeightPercent / 100) * fraction;
    const audienceComponent = (rule.audienceWeightPercent / 100) * audienceFraction;
    const meetsQuorum = counted.length >= rule.quorum;
    return {
      bidId: bid.id,
      reference: bid.reference,
      amountRequestedPence: bid.amountRequestedPence,
      submittedAt: bid.submittedAt,
      meetsQuorum,
      quorum: rule.quorum,
      counted: counted.length,
      recused: rows.filter((r) => r.status === "RECUSED").length,
      abstained: rows.filter((r) => r.status === "ABSTAINED").length,
      invalid: rows.filter((r) => ["INCOMPLETE", "OUT_OF_RANGE", "NOT_ON_PANEL"].includes(r.status)).length,
      panellists: rows,
      panel: { raw, normalised, used, fraction },
      audience: {
        points,
        totalPoints,
        share: totalPoints > 0 ? points / totalPoints : 0,
        fraction: audienceFraction,
        onScale: toScale(audienceFraction, scale),
      },
      panelComponent,
      audienceComponent,
      combined: panelComponent === null ? null : panelComponent + audienceComponent,
      quorumGroup: meetsQuorum ? 0 : 1,
    };
  });

  const ordered = [...working].sort((a, b) => compare(a, b, rule.tieBreak));
  const ranked: BidRanking[] = ordered.map(({ quorumGroup: _group, ...bid }, index) => ({
    ...bid,
    rank: index + 1,
    ties: [],
  }));
  for (let i = 0; i < ranked.length; i++) {
    for (let j = 0; j < ranked.length; j++) {
      if (i === j || !sameStanding(ordered[i], ordered[j])) continue;
      ranked[i].ties.push({
        reference: ranked[j].reference,
        ahead: i < j,
        decidedBy: byRule(ordered[i], ordered[j], rule.tieBreak) === 0 ? "REFERENCE" : rule.tieBreak,
      });
    }
  }

  return { rule, scale, normalisation, audienceTotalPoints: totalPoints, bids: ranked };
}

function combinedKey(w: Working) {
  return w.combined === null ? null : quantise(w.combined);
}

function sameStanding(a: Working, b: Working) {
  return a.quorumGroup === b.quorumGroup && combinedKey(a) === combinedKey(b);
}

/** Higher first; a missing value goes last. */
function descending(a: number | null, b: number | null) {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Lower first; a missing value goes last. */
function ascending(a: number | null, b: number | null) {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function byRule(a: Working, b: Working, rule: TieBreak): number {
  switch (rule) {
    case "HIGHER_PANEL_SCORE":
      return descending(
        a.panel.used === null ? null : quantise(a.panel.used),
        b.panel.used === null ? null : quantise(b.panel.used),
      );
    case "LOWER_AMOUNT":
      return ascending(a.amountRequestedPence, b.amountRequestedPence);
    case "EARLIER_SUBMISSION":
      return ascending(a.submittedAt?.getTime() ?? null, b.submittedAt?.getTime() ?? null);
  }
}

function compare(a: Working, b: Working, rule: TieBreak): number {
  return (
    a.quorumGroup - b.quorumGroup ||
    descending(combinedKey(a), combinedKey(b)) ||
    byRule(a, b, rule) ||
    (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0)
  );
}

// ---------- Words ----------

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** Display rounding only: the ranking itself never uses these strings. */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One sentence a funder can read out: "Ranked 2nd: panel 3.85/5 from 4 panellists
 * (1 recused), audience 22% of votes, combined 0.74".
 */
export function describeBid(bid: BidRanking, ranking: Pick<Ranking, "rule" | "scale">): string {
  const { rule, scale } = ranking;
  const head = bid.meetsQuorum
    ? `Ranked ${ordinal(bid.rank)}`
    : `Ranked ${ordinal(bid.rank)}, short of quorum (${bid.counted} scored, ${bid.quorum} needed)`;
  const notes: string[] = [];
  if (bid.recused) notes.push(`${bid.recused} recused`);
  if (bid.abstained) notes.push(`${bid.abstained} did not score`);
  if (bid.invalid) notes.push(`${plural(bid.invalid, "sheet", "sheets")} set aside`);
  const aside = notes.length ? ` (${notes.join(", ")})` : "";
  const parts: string[] = [];
  if (bid.panel.used === null) {
    parts.push(`no panel scores${aside}`);
  } else {
    const raw =
      rule.normaliseScores && bid.panel.raw !== null
        ? ` normalised (raw ${formatScore(bid.panel.raw)})`
        : "";
    parts.push(
      `panel ${formatScore(bid.panel.used)}/${scale.max}${raw} from ${plural(bid.counted, "panellist", "panellists")}${aside}`,
    );
  }
  if (rule.audienceWeightPercent > 0 || bid.audience.totalPoints > 0) {
    parts.push(
      bid.audience.totalPoints > 0 ? `audience ${formatPercent(bid.audience.share)} of votes` : "no audience votes cast",
    );
  }
  if (bid.combined !== null) parts.push(`combined ${formatScore(bid.combined)}`);
  let sentence = `${head}: ${parts.join(", ")}`;
  if (bid.ties.length > 0) {
    const tied = bid.ties.map((t) => {
      const how = t.decidedBy === "REFERENCE" ? "by reference, as the rule could not separate them" : `by ${TIE_BREAK_LABELS[t.decidedBy]}`;
      return `${t.ahead ? "ahead of" : "behind"} ${t.reference} ${how}`;
    });
    sentence += `; tied on combined score, placed ${tied.join(" and ")}`;
  }
  return sentence;
}

/** Why a panellist's score did or did not count, in words (for the explanation table). */
export function describePanellistScore(score: PanellistScore, scale: Scale): string {
  if (score.status !== "COUNTED") return `Not counted: ${score.exclusionReason}`;
  const mean = `${formatScore(score.weightedMean as number)}/${scale.max}`;
  switch (score.normalisation) {
    case null:
      return `Counted: ${mean}`;
    case "SINGLE_SCORE":
      return `Counted: ${mean}, used as given (only one pitch scored, so it cannot be normalised)`;
    case "NO_VARIANCE":
      return `Counted: ${mean}, normalised to the panel average ${formatScore(score.normalised as number)} (same score for every pitch)`;
    case "Z_SCORE":
      return `Counted: ${mean}, normalised ${formatScore(score.normalised as number)}${score.clamped ? " (held at the edge of the scale)" : ""}`;
  }
}

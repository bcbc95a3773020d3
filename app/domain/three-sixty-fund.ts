import {
  buildThreeSixtyPackage,
  THREE_SIXTY_VERSION,
  type ThreeSixtyAward,
  type ThreeSixtyFund,
  type ThreeSixtyPackage,
  type ThreeSixtyRound,
} from "~/domain/three-sixty";

// A whole fund's grants as one 360Giving package. Each round is its own grant programme, so the
// grants are built round by round (app/domain/three-sixty.ts) and gathered under the fund: one
// publisher, one file, every grant identifier still unique.

export interface FundPackageInput {
  fund: ThreeSixtyFund & { id: string; name: string };
  rounds: readonly { round: ThreeSixtyRound; awards: readonly ThreeSixtyAward[] }[];
  now: Date;
  license?: string;
}

export function fundPackage(input: FundPackageInput): ThreeSixtyPackage {
  const { fund, now } = input;
  const parts = input.rounds
    .filter((r) => r.awards.length > 0)
    .map((r) => buildThreeSixtyPackage({ fund, round: r.round, awards: r.awards, now }));
  const seen = new Set<string>();
  const grants = parts
    .flatMap((p) => p.grants)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((grant) => {
      if (seen.has(grant.id)) throw new RangeError(`Two awards share the grant identifier ${grant.id}.`);
      seen.add(grant.id);
      return grant;
    });
  const modified = parts.reduce((latest, p) => (p.modified > latest ? p.modified : latest), "");
  return {
    version: THREE_SIXTY_VERSION,
    title: `${fund.funderName}: ${fund.name} grants`,
    // why the fund's id: its name can be edited, and a package keeps one identifier for life.
    identifier: `${fund.grantIdPrefix}-fund-${fund.id}`,
    issued: now.toISOString(),
    modified: modified || now.toISOString(),
    publisher: { name: fund.funderName, identifier: fund.funderOrgId },
    ...(input.license ? { license: input.license } : {}),
    grants,
  };
}

/** A file name for the download: "360giving-thornbury-summer-fund-2026-2027-06-01.json". */
export function openDataFileName(name: string, day: string, extension: "json" | "csv") {
  const slug = name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `360giving-${slug || "grants"}-${day}.${extension}`;
}

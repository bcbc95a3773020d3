// A round's own words (its title, description and who can apply) as a reader sees them: in the
// reader's language when the organiser wrote a Welsh version, and on a bilingual round in both,
// Welsh first as bilingual signage has it. Each version says which language it is in, for the
// page's `lang` attributes. Pure.
//
// Interface:
//   roundWords(round, lang)     -> { lang, title, description, eligibility } the one version to show
//   roundVersions(round, lang)  -> that version alone, or on a bilingual round Welsh then English

type Lang = "cy" | "en";

export interface RoundText {
  title: string;
  description: string | null;
  eligibility: string | null;
  bilingual?: boolean;
  titleCy?: string | null;
  descriptionCy?: string | null;
  eligibilityCy?: string | null;
}

export interface RoundVersion {
  lang: Lang;
  title: string;
  description: string | null;
  eligibility: string | null;
}

const filled = (value: string | null | undefined) => (value && value.trim() ? value : null);

function welsh(round: RoundText): RoundVersion | null {
  const title = filled(round.titleCy);
  if (!title) return null;
  return { lang: "cy", title, description: filled(round.descriptionCy), eligibility: filled(round.eligibilityCy) };
}

function english(round: RoundText): RoundVersion {
  return { lang: "en", title: round.title, description: filled(round.description), eligibility: filled(round.eligibility) };
}

export function roundWords(round: RoundText, lang: Lang): RoundVersion {
  return (lang === "cy" ? welsh(round) : null) ?? english(round);
}

export function roundVersions(round: RoundText, lang: Lang): RoundVersion[] {
  const cy = welsh(round);
  if (round.bilingual && cy) return [cy, english(round)];
  return [roundWords(round, lang)];
}

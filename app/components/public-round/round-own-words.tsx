import type { ReactNode } from "react";
import type { RoundVersion } from "~/domain/round-words";
import { htmlLang } from "~/i18n/lang";
import { BothLanguages } from "~/components/bilingual";

// A round's own words as its organiser wrote them: one version in the reader's language, or on a
// bilingual round Welsh then English (as bilingual signage has it), each marked with its `lang`
// so a screen reader switches voice.

export function RoundTitle({ versions }: { versions: RoundVersion[] }) {
  return <BothLanguages parts={versions.map((v) => ({ lang: v.lang, htmlLang: htmlLang(v.lang), text: v.title }))} />;
}

/** Each version's text for one part (the description, who can apply), in its own paragraph. */
export function RoundPart({ versions, part, className, heading }: { versions: RoundVersion[]; part: "description" | "eligibility"; className?: string; heading?: ReactNode }) {
  const shown = versions.filter((v) => v[part]);
  if (shown.length === 0) return null;
  return (
    <>
      {heading}
      {shown.map((v) => (
        <p key={v.lang} className={className} lang={htmlLang(v.lang)}>
          {v[part]}
        </p>
      ))}
    </>
  );
}

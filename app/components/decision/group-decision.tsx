import { GroupAward } from "~/components/bid-status/group-award";
import { Signposts } from "~/components/bid-status/signposts";
import type { GroupAwardView } from "~/domain/group-award";
import { useT } from "~/i18n/i18n-context";
import type { DatesSaid } from "~/i18n/message-args";
import { htmlLang, isLang } from "~/i18n/lang";

// The decision on the group's own page: the funder's words, and then either the award (its
// conditions, "Accept the conditions", the letter, the payment and the account it goes into)
// or where to look next when the bid was not funded.

interface Props {
  /** The group's page, /bid/<private link>. */
  base: string;
  funded: boolean;
  feedback: string | null;
  /** The language the funder's words are in, when known (the bid's own language). */
  feedbackLang: string | null;
  award: DatesSaid<GroupAwardView> | null;
}

export function GroupDecision({ base, funded, feedback, feedbackLang, award }: Props) {
  const t = useT();
  return (
    <>
      <h2 id="decision">{t("bid.decision.heading")}</h2>
      <p>{t(funded ? "bid.decision.funded" : "bid.decision.notFunded")}</p>
      {feedback ? <Feedback text={feedback} lang={feedbackLang} /> : null}
      {funded ? <GroupAward base={base} award={award} /> : <Signposts />}
    </>
  );
}

/** The funder's own words, as written, marked with their language when it is known. */
export function Feedback({ text, lang }: { text: string; lang: string | null }) {
  return (
    <p className="feedback pre-line" lang={isLang(lang) ? htmlLang(lang) : undefined}>
      {text}
    </p>
  );
}

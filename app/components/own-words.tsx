import { Fragment } from "react";
import { aroundOwnWords } from "~/domain/own-words";

// A sentence in the page's language with a group's own words in it (a project's title in
// "Score …"), those words marked with the language they were written in.

export function SentenceWithOwnWords({ say, words, lang }: { say: (slot: string) => string; words: string; lang?: string }) {
  if (!lang) return <>{say(words)}</>;
  const pieces = aroundOwnWords(say);
  return (
    <>
      {pieces.map((piece, n) => (
        <Fragment key={n}>
          {n > 0 ? <span lang={lang}>{words}</span> : null}
          {piece}
        </Fragment>
      ))}
    </>
  );
}

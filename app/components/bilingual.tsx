import type { MessageValues } from "~/i18n/format";
import { useBilingual } from "~/i18n/bilingual";

// One message in Welsh and English at once, Welsh first as bilingual signage has it, each part
// with its own `lang` so screen readers switch voice. For the big screen, whatever language the
// person at the laptop chose. The slash between them is drawn, not read.

export function Bi({ k, values }: { k: string; values?: MessageValues }) {
  return <BothLanguages parts={useBilingual()(k, values)} />;
}

/** Texts in more than one language side by side (a catalogue's, or a round's own words). */
export function BothLanguages({ parts }: { parts: { lang: string; htmlLang: string; text: string }[] }) {
  return (
    <>
      {parts.map((part, index) => (
        <span key={part.lang} className={`bi bi--${part.lang}`}>
          {index > 0 ? (
            <span className="bi__sep" aria-hidden="true">
              {" / "}
            </span>
          ) : null}
          <span lang={part.htmlLang}>{part.text}</span>
        </span>
      ))}
    </>
  );
}

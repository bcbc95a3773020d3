import type { MessageValues } from "~/i18n/format";
import { useBilingual } from "~/i18n/bilingual";

// One message in Welsh and English at once, Welsh first as bilingual signage has it, each part
// with its own `lang` so screen readers switch voice. For the big screen, whatever language the
// person at the laptop chose. The slash between them is drawn, not read.

export function Bi({ k, values }: { k: string; values?: MessageValues }) {
  const both = useBilingual()(k, values);
  return (
    <>
      {both.map((part, index) => (
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

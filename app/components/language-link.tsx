import { useLocation } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";
import { htmlLang } from "~/i18n/lang";

// "Cymraeg" on an English page, "English" on a Welsh one: a plain link that reloads the page
// in the other language (works without JavaScript), written in the language it offers.

export function LanguageLink() {
  const t = useT();
  const location = useLocation();
  const other = t.lang === "cy" ? "en" : "cy";
  const href = `/language?${new URLSearchParams({ lang: other, redirectTo: location.pathname + location.search })}`;
  return (
    <a href={href} lang={htmlLang(other)} hrefLang={htmlLang(other)} className="language-link">
      {t(`common.language.${other}`)}
    </a>
  );
}

import { Choices } from "~/components/choices";
import { BID_LANGUAGES } from "~/domain/bid";
import { useT } from "~/i18n/i18n-context";

// "Which language is your bid written in?": what the organisers read it as (staff pages mark
// its words lang="cy") and the language the group is written to. The page's language is the default.

export function LanguageChoice({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useT();
  return (
    <Choices
      name="language"
      legend={t("apply.form.language")}
      hint={t("apply.form.language.hint")}
      error={error}
      defaultValue={defaultValue || t.lang}
      choices={BID_LANGUAGES.map((lang) => ({ value: lang, label: t(`apply.form.language.${lang}`) }))}
    />
  );
}

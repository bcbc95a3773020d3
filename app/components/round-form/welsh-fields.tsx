import { TextArea, TextField } from "~/components/forms";
import { Choices } from "~/components/choices";
import { text } from "~/components/round-form/form-values";
import type { FormValues } from "~/domain/fund";

// The round's own words in Welsh, for a bilingual round: groups then read its title,
// description and who can apply in Welsh and English, Welsh first. Staff pages stay English;
// the boxes take Welsh, so they say so to a screen reader and a spell checker (lang="cy").

export function WelshFields({ values, errors }: { values: FormValues; errors: Record<string, string> }) {
  return (
    <>
      <Choices
        name="bilingual"
        type="checkbox"
        legend="Languages"
        hint="Tick if groups should see this round in Welsh and English. You then write its title, description and who can apply in Welsh too."
        error={errors.bilingual}
        defaultValue={values.bilingual === "yes" ? "yes" : ""}
        choices={[{ value: "yes", label: "Bilingual round (Welsh and English)" }]}
      />
      <TextField name="titleCy" label="Name of the round in Welsh" hint="Needed for a bilingual round." lang="cy" defaultValue={text(values, "titleCy")} error={errors.titleCy} autoComplete="off" />
      <TextArea
        name="descriptionCy"
        label="Description in Welsh"
        optional
        hint="Needed for a bilingual round when the round has a description."
        lang="cy"
        maxChars={2000}
        rows={5}
        defaultValue={text(values, "descriptionCy")}
        error={errors.descriptionCy}
      />
      <TextArea
        name="eligibilityCy"
        label="Who can apply, in Welsh"
        optional
        hint="Needed for a bilingual round when the round says who can apply."
        lang="cy"
        maxChars={2000}
        rows={4}
        defaultValue={text(values, "eligibilityCy")}
        error={errors.eligibilityCy}
      />
    </>
  );
}

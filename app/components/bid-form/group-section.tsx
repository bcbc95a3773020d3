import type { FieldFor } from "~/components/bid-form/use-bid-form";
import { TextField } from "~/components/forms";
import { Choices } from "~/components/choices";
import { GROUP_TYPES, type GroupType } from "~/domain/bid";
import { useT } from "~/i18n/i18n-context";

interface GroupSectionProps {
  field: FieldFor;
  errors: Record<string, string>;
  /** The group type as first rendered (the radios' checked state): the server's, before JavaScript runs. */
  defaultType: string;
  /** With JavaScript, the chosen type, so only its box shows; undefined shows them all. */
  selected: string | undefined;
}

/** About the group: its name, its kind (with the number or parent body that kind needs) and area. */
export function GroupSection({ field, errors, defaultType, selected }: GroupSectionProps) {
  const t = useT();
  const conditional: Partial<Record<GroupType, JSX.Element>> = {
    REGISTERED_CHARITY: (
      <TextField
        {...field("charityNumber")}
        label={t("apply.form.charityNumber")}
        hint={t("apply.form.charityNumber.hint")}
        error={errors.charityNumber}
        inputMode="numeric"
        className="input--short"
        autoComplete="off"
      />
    ),
    COMPANY: (
      <TextField
        {...field("companyNumber")}
        label={t("apply.form.companyNumber")}
        hint={t("apply.form.companyNumber.hint")}
        error={errors.companyNumber}
        className="input--short"
        autoComplete="off"
      />
    ),
    UNCONSTITUTED_GROUP: (
      <TextField
        {...field("parentOrgName")}
        label={t("apply.form.parentOrgName")}
        hint={t("apply.form.parentOrgName.hint")}
        error={errors.parentOrgName}
        autoComplete="off"
      />
    ),
  };

  return (
    <>
      <h2>{t("apply.form.group.heading")}</h2>
      <TextField {...field("groupName")} label={t("apply.form.groupName")} error={errors.groupName} autoComplete="organization" />
      <Choices
        name="groupType"
        legend={t("apply.form.groupType")}
        error={errors.groupType}
        defaultValue={defaultType}
        selected={selected}
        choices={GROUP_TYPES.map((type) => ({ value: type, label: t(`apply.form.groupType.${type}`), conditional: conditional[type] ?? null }))}
      />
      <TextField
        {...field("area")}
        label={t("apply.form.area")}
        hint={t("apply.form.area.hint")}
        error={errors.area}
      />
    </>
  );
}

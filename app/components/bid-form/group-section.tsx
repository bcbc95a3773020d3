import type { FieldFor } from "~/components/bid-form/use-bid-form";
import { Choices, TextField } from "~/components/forms";
import { GROUP_TYPE_LABELS, GROUP_TYPES, type GroupType } from "~/domain/bid";

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
  const conditional: Partial<Record<GroupType, JSX.Element>> = {
    REGISTERED_CHARITY: (
      <TextField
        {...field("charityNumber")}
        label="Registered charity number"
        hint="6 to 8 digits, for example 1123456"
        error={errors.charityNumber}
        inputMode="numeric"
        className="input--short"
        autoComplete="off"
      />
    ),
    COMPANY: (
      <TextField
        {...field("companyNumber")}
        label="Company number"
        hint="8 characters, for example 01234567 or SC123456"
        error={errors.companyNumber}
        className="input--short"
        autoComplete="off"
      />
    ),
    UNCONSTITUTED_GROUP: (
      <TextField
        {...field("parentOrgName")}
        label="Name of the organisation applying on your behalf"
        hint="For example a church, school or registered charity that will hold the money for your group."
        error={errors.parentOrgName}
        autoComplete="off"
      />
    ),
  };

  return (
    <>
      <h2>About your group</h2>
      <TextField {...field("groupName")} label="Name of your group" error={errors.groupName} autoComplete="organization" />
      <Choices
        name="groupType"
        legend="What kind of group are you?"
        error={errors.groupType}
        defaultValue={defaultType}
        selected={selected}
        choices={GROUP_TYPES.map((type) => ({ value: type, label: GROUP_TYPE_LABELS[type], conditional: conditional[type] ?? null }))}
      />
      <TextField
        {...field("area")}
        label="Area or postcode where the project will happen"
        hint="For example Thornbury town centre, or BS35 2AA"
        error={errors.area}
      />
    </>
  );
}

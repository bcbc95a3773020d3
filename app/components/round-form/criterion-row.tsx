import { TextArea, TextField } from "~/components/forms";
import { text } from "~/components/round-form/form-values";
import { type FormValues } from "~/domain/fund";

// One assessment criterion's fields in the round form.

export function CriterionRow({
  index,
  values,
  errors,
  canRemove,
  autoFocus,
}: {
  index: number;
  values: FormValues;
  errors: Record<string, string>;
  canRemove: boolean;
  autoFocus: boolean;
}) {
  const n = index + 1;
  const name = (field: string) => `criteria.${index}.${field}`;
  const hidden = <span className="visually-hidden"> of criterion {n}</span>;
  const id = text(values, name("id"));
  return (
    <fieldset className="criterion">
      <legend>Criterion {n}</legend>
      {id ? <input type="hidden" name={name("id")} value={id} /> : null}
      <TextField
        name={name("name")}
        label={<>Name{hidden}</>}
        hint={index === 0 ? "For example Need, Difference, Deliverability or Value for money." : undefined}
        defaultValue={text(values, name("name"))}
        error={errors[name("name")]}
        autoComplete="off"
        autoFocus={autoFocus}
      />
      <TextArea
        name={name("guidance")}
        label={<>Guidance for the panel{hidden}</>}
        optional
        rows={2}
        defaultValue={text(values, name("guidance"))}
        error={errors[name("guidance")]}
      />
      <div className="criterion-numbers">
        <TextField
          name={name("weight")}
          label={<>Weight{hidden}</>}
          hint="1 to 10"
          inputMode="numeric"
          className="input--tiny"
          defaultValue={text(values, name("weight"))}
          error={errors[name("weight")]}
          autoComplete="off"
        />
        <TextField
          name={name("scaleMin")}
          label={<>Lowest score{hidden}</>}
          hint="For example 1"
          inputMode="numeric"
          className="input--tiny"
          defaultValue={text(values, name("scaleMin"))}
          error={errors[name("scaleMin")]}
          autoComplete="off"
        />
        <TextField
          name={name("scaleMax")}
          label={<>Highest score{hidden}</>}
          hint="For example 5"
          inputMode="numeric"
          className="input--tiny"
          defaultValue={text(values, name("scaleMax"))}
          error={errors[name("scaleMax")]}
          autoComplete="off"
        />
      </div>
      {canRemove ? (
        <button type="submit" name="intent" value={`remove-criterion-${index}`} className="button button--secondary" formNoValidate>
          Remove<span className="visually-hidden"> criterion {n}</span>
        </button>
      ) : null}
    </fieldset>
  );
}


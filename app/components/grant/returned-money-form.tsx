import { Form } from "@remix-run/react";
import { TextField } from "~/components/forms";

// Money the group sent back (an underspend): recorded by a funder, in pounds, with the day it came.

interface Props {
  typed: (name: string) => string;
  errors: Record<string, string>;
}

export function ReturnedMoneyForm({ typed, errors }: Props) {
  return (
    <Form method="post">
      <h2>Record money returned</h2>
      <TextField name="amount" label="Amount returned" prefix="£" inputMode="decimal" className="input--short" defaultValue={typed("amount")} error={errors.amount} />
      <TextField name="returnedOn" label="Date it came back" type="date" defaultValue={typed("returnedOn")} error={errors.returnedOn} />
      <button type="submit" name="intent" value="returned" className="button button--secondary">
        Record the returned money
      </button>
    </Form>
  );
}

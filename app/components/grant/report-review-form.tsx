import { Form } from "@remix-run/react";
import { Choices } from "~/components/choices";
import { TextArea } from "~/components/forms";

// The funder's answer to a sent end-of-grant report: accept it (the grant closes) or ask the
// group for more, with a message that is emailed to it and shown on its report page.

interface Props {
  typed: (name: string) => string;
  errors: Record<string, string>;
}

export function ReportReviewForm({ typed, errors }: Props) {
  return (
    <Form method="post">
      <h2>Answer the report</h2>
      <Choices
        name="decision"
        legend="Your decision"
        error={errors.decision}
        defaultValue={typed("decision")}
        choices={[
          { value: "accept", label: "Accept the report and close the grant" },
          { value: "more", label: "Ask the group for more" },
        ]}
      />
      <TextArea name="message" label="Message to the group" hint="Emailed to the group. Needed when you ask for more." defaultValue={typed("message")} error={errors.message} rows={4} />
      <button type="submit" name="intent" value="review" className="button">
        Send the answer
      </button>
    </Form>
  );
}

import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";

// "Lost your private link?": email and bid reference; the answer is the same whether or not
// they match a bid, so the form cannot be used to find out who applied.

/** What the round page's action answers. */
export interface LinkRequestResult {
  sent: boolean;
  errors: Record<string, string>;
  values: { email: string; reference: string };
  /** A refusal for the whole form (too many requests from this address). */
  formError: string | null;
}

export function LostLinkForm({ slug, result }: { slug: string; result: LinkRequestResult | undefined }) {
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <>
      <h2 id="lost-link">Lost your private link?</h2>
      <p>
        Enter the email address you gave in your bid and your bid reference. If they match a bid in this round, we will
        email you a new link. Any older link will stop working.
      </p>
      {result?.sent ? (
        <div className="notice notice--success" role="status">
          <p>
            If that email address and reference match a bid in this round, we have emailed a new private link to that
            address. It can take a few minutes to arrive.
          </p>
        </div>
      ) : null}
      {result?.formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{result.formError}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate action={`/rounds/${slug}#lost-link`} key={result?.sent ? "sent" : "asking"}>
        <div className="honeypot">
          <label htmlFor="link-website">Leave this field empty</label>
          <input type="text" id="link-website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <TextField
          name="email"
          type="email"
          label="Email address"
          autoComplete="email"
          spellCheck={false}
          error={errors.email}
          defaultValue={result?.values.email}
        />
        <TextField
          name="reference"
          label="Bid reference"
          hint="For example PD-2026-0042. It is in the email we sent when you started your bid."
          error={errors.reference}
          defaultValue={result?.values.reference}
          className="input--short"
          autoComplete="off"
        />
        <button type="submit" className="button button--secondary">
          Send me my link again
        </button>
      </Form>
    </>
  );
}

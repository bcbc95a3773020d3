import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { LIMITS } from "~/domain/bid";
import { useT } from "~/i18n/i18n-context";

// "Lost your private link?": email and bid reference; the answer is the same whether or not
// they match a bid, so the form cannot be used to find out who applied.

/** What the round page's action answers. */
export interface LinkRequestResult {
  sent: boolean;
  /** Each field's message as a catalogue key ("round.lostLink.error.…"), said here in the page's language. */
  errors: Record<string, string>;
  values: { email: string; reference: string };
  /** A refusal for the whole form (too many requests from this address). */
  formError: string | null;
}

export function LostLinkForm({ slug, result }: { slug: string; result: LinkRequestResult | undefined }) {
  const t = useT();
  const errors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([field, key]) => [field, t(key, { max: LIMITS.contactEmail })]));
  return (
    <>
      <h2 id="lost-link">{t("round.lostLink.heading")}</h2>
      <p>{t("round.lostLink.intro")}</p>
      {result?.sent ? (
        <div className="notice notice--success" role="status">
          <p>{t("round.lostLink.sent")}</p>
        </div>
      ) : null}
      {result?.formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{result.formError}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} title={t("round.lostLink.errorTitle")} />
      <Form method="post" noValidate action={`/rounds/${slug}#lost-link`} key={result?.sent ? "sent" : "asking"}>
        <div className="honeypot">
          <label htmlFor="link-website">{t("round.lostLink.honeypot")}</label>
          <input type="text" id="link-website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <TextField
          name="email"
          type="email"
          label={t("round.lostLink.email")}
          autoComplete="email"
          spellCheck={false}
          error={errors.email}
          defaultValue={result?.values.email}
        />
        <TextField
          name="reference"
          label={t("round.lostLink.reference")}
          hint={t("round.lostLink.referenceHint")}
          error={errors.reference}
          defaultValue={result?.values.reference}
          className="input--short"
          autoComplete="off"
        />
        <button type="submit" className="button button--secondary">
          {t("round.lostLink.send")}
        </button>
      </Form>
    </>
  );
}

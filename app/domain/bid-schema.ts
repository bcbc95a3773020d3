import * as z from "zod/mini";
import { readFormValues, type BidFormValues, type BidRules } from "~/domain/bid";
import { bidProblems, toBidInput } from "~/domain/bid-rules";
import { issueMessages } from "~/domain/issue-messages";

// The server's schema of a bid form: reads whatever was posted, runs the domain's checks
// (bidProblems) and gives the bid to store. why a file of its own: zod stays out of every page
// that only needs the bid's plain rules; the browser runs the same checks through bidFieldErrors.

/** Issues are keyed by field path (e.g. budget.2.amount). */
export function bidSchema(rules: BidRules) {
  const checked = z.custom<BidFormValues>().check(
    z.superRefine((values, ctx) => {
      for (const [path, problem] of bidProblems(values, rules)) {
        ctx.addIssue({
          code: "custom",
          message: problem.key,
          params: { problem },
          input: values,
          path: path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        });
      }
    }),
  );
  return z.pipe(z.pipe(z.transform(readFormValues), checked), z.transform(toBidInput));
}

/** One message per field (the first), keyed like the form's names: what the pages say, in their language. */
export const bidErrors = issueMessages;

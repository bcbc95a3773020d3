import { set, type FieldErrors, type Resolver } from "react-hook-form";
import { bidProblems, readFormValues, type BidFormValues, type BidRules } from "~/domain/bid";

/**
 * react-hook-form's resolver for the bid form: the domain's own checks (bidProblems), the same
 * ones the server's schema runs, with no schema library shipped to the phone.
 */
export function bidResolver(rules: () => BidRules): Resolver<BidFormValues> {
  return (values) => {
    const problems = bidProblems(readFormValues(values), rules());
    if (problems.length === 0) return { values, errors: {} };
    const errors: FieldErrors<BidFormValues> = {};
    for (const [field, message] of problems) {
      // why: react-hook-form keeps a list's own message under "root", beside its rows' messages.
      const path = field === "budget" ? "budget.root" : field;
      // why: the first problem of a field is the one to show, as on the server (bidErrors).
      if (!pathHasError(errors, path)) set(errors, path, { type: "custom", message });
    }
    return { values: {}, errors };
  };
}

function pathHasError(errors: object, path: string) {
  let at: unknown = errors;
  for (const part of path.split(".")) at = at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined;
  return at !== undefined;
}

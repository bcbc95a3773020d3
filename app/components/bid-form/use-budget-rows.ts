import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { fieldId } from "~/components/forms";
import { MAX_BUDGET_LINES, type BidFormValues } from "~/domain/bid";

// why: react-hook-form's useFieldArray weighs about 1.7 KB (gzip) on the phone; the rows need
// only a count, and a removal moves the values below it up a row.
export function useBudgetRows(form: UseFormReturn<BidFormValues>, initial: number) {
  const [count, setCount] = useState(initial);
  const previous = useRef(count);
  useEffect(() => {
    if (count > previous.current) document.getElementById(fieldId(`budget.${count - 1}.item`))?.focus();
    previous.current = count;
  }, [count]);

  return {
    count,
    add() {
      setCount((n) => Math.min(n + 1, MAX_BUDGET_LINES));
    },
    remove(index: number) {
      const lines = (form.getValues("budget") ?? []).slice(0, count).filter((_, i) => i !== index);
      form.setValue("budget", lines);
      setCount(lines.length);
      // why: the rows' messages moved with their rows; the lines are checked again, as on blur.
      void form.trigger("budget");
    },
  };
}

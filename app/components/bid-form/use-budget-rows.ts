import { useEffect, useRef, useState, type RefObject } from "react";
import { fieldId } from "~/components/forms";
import { MAX_BUDGET_LINES } from "~/domain/bid";

const PARTS = ["item", "amount"] as const;

/**
 * The budget's rows: a count, and a removal that moves the lines below it up a row (the boxes are
 * uncontrolled, so their text moves on the page). After a removal, `removed` gets the remaining
 * rows' names, to check them again as on blur.
 */
export function useBudgetRows(formRef: RefObject<HTMLFormElement>, initial: number, removed: (names: string[]) => void) {
  const [count, setCount] = useState(initial);
  const previous = useRef(count);
  const afterRemoval = useRef(removed);
  afterRemoval.current = removed;
  useEffect(() => {
    if (count > previous.current) document.getElementById(fieldId(`budget.${count - 1}.item`))?.focus();
    // why after rendering: the last row's boxes are gone from the page only now.
    if (count < previous.current) afterRemoval.current(Array.from({ length: count }, (_, i) => PARTS.map((part) => `budget.${i}.${part}`)).flat());
    previous.current = count;
  }, [count]);

  return {
    count,
    add() {
      setCount((n) => Math.min(n + 1, MAX_BUDGET_LINES));
    },
    remove(index: number) {
      const box = (row: number, part: string) => formRef.current?.elements.namedItem(`budget.${row}.${part}`) as HTMLInputElement | null;
      for (let row = index; row < count - 1; row++) {
        for (const part of PARTS) {
          const [to, from] = [box(row, part), box(row + 1, part)];
          if (to && from) to.value = from.value;
        }
      }
      setCount(count - 1);
    },
  };
}

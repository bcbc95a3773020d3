import { describeRule, type FormValues } from "~/domain/fund";

// What the round form's parts share: the criterion row's fields and reading a typed value back.

export const CRITERION_FIELDS = ["id", "name", "guidance", "weight", "scaleMin", "scaleMax"] as const;

export function text(values: FormValues, name: string) {
  const v = values[name];
  return typeof v === "string" ? v : "";
}

export interface LockedRule {
  /** Why the criteria and rule cannot change, shown in place of their fields. */
  reason: string;
  criteria: { name: string; guidance: string; weight: number; scaleMin: number; scaleMax: number }[];
  rule: Parameters<typeof describeRule>[0];
  /** The saved criteria and rule as form values: sent back unchanged, whatever else was typed. */
  values: FormValues;
}

import * as z from "zod";
import { CONTROL_CHARACTER_MESSAGE, formValues, parseForm, withoutControlCharacters } from "~/utils/forms";

describe("formValues", () => {
  it("keeps every repeat of a name, in order, for 60,000 repeats", () => {
    const form = new FormData();
    for (let i = 0; i < 60_000; i++) form.append("x", String(i));
    form.append("one", "1");
    const values = formValues(form);
    expect(values.one).toBe("1");
    expect(values.x).toHaveLength(60_000);
    expect((values.x as string[])[59_999]).toBe("59999");
  });
});

describe("control characters in what was typed", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name"), note: z.string() });

  it("refuse the field with a message beside it and give back the text without them", () => {
    const form = new FormData();
    form.append("name", "Priya\u0000 Shah");
    form.append("note", "Line one\r\n\tLine two");
    const parsed = parseForm(schema, form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({ name: CONTROL_CHARACTER_MESSAGE });
    expect(parsed.values).toEqual({ name: "Priya Shah", note: "Line one\r\n\tLine two" });
  });

  it("sit beside the schema's own errors for other fields", () => {
    const parsed = parseForm(schema, { name: "", note: "bell\u0007 and escape\u001b[31m and C1 \u0085" });
    expect(parsed).toMatchObject({ ok: false, errors: { name: "Enter a name", note: CONTROL_CHARACTER_MESSAGE } });
  });

  it("in a repeated field are taken out of every value", () => {
    expect(withoutControlCharacters({ line: ["a\u0000", "b", "\u007fc"] })).toEqual({
      values: { line: ["a", "b", "c"] },
      errors: { line: CONTROL_CHARACTER_MESSAGE },
    });
  });

  it("leave tabs and new lines alone", () => {
    expect(parseForm(schema, { name: "Tab\there", note: "a\r\nb\nc" })).toMatchObject({ ok: true });
  });
});

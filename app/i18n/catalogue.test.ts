import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import ts from "typescript";
import { CONVERTED_FILES } from "./converted-files";
import { BY_NAMESPACE, CY as cy, CY_REVIEW as review, EN as en } from "./messages";
import { NAMESPACES, namespaceOf, type Namespace } from "./namespaces";

// The catalogues stay whole and the converted files stay converted: a key in one language and
// not the other, a message whose placeholders differ between languages, or text typed straight
// into a converted file's JSX fails here.

const CATALOGUES: Record<string, Record<string, string>> = { en, cy };

/**
 * The placeholders' names. Their kinds may differ (a Welsh count may need a plural where the
 * English one is plain, or the other way round); the values a page passes may not.
 */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function selectOptions(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const el of elements) {
    if (el.type === TYPE.select) into.push(`${el.value}:${Object.keys(el.options).sort().join(",")}`);
    if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) selectOptions(option.value, into);
  }
  return into;
}

describe("the message catalogues", () => {
  it("hold the same keys in Welsh and English", () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
  });

  it("parse as ICU messages, in a namespace a page can ask for", () => {
    for (const [lang, messages] of Object.entries(CATALOGUES)) {
      for (const [key, message] of Object.entries(messages)) {
        expect(() => parse(message, { ignoreTag: true })).not.toThrow();
        expect({ lang, key, namespace: NAMESPACES.includes(namespaceOf(key) as Namespace) }).toEqual({ lang, key, namespace: true });
      }
    }
  });

  it("give each message the same placeholders in both languages", () => {
    for (const key of Object.keys(en)) {
      const english = parse(en[key as keyof typeof en], { ignoreTag: true });
      const welsh = parse(cy[key as keyof typeof cy] ?? "", { ignoreTag: true });
      expect({ key, args: [...argumentsOf(welsh)].sort() }).toEqual({ key, args: [...argumentsOf(english)].sort() });
      expect({ key, selects: selectOptions(welsh) }).toEqual({ key, selects: selectOptions(english) });
    }
  });

  it("are not English copied into the Welsh catalogue, unless the words are the same in both", () => {
    const same = Object.keys(en).filter((key) => en[key as keyof typeof en] === cy[key as keyof typeof cy] && /\p{L}{3}/u.test(en[key as keyof typeof en]));
    // why: the language names are written in their own language in both catalogues.
    expect(same).toEqual(["common.language.cy", "common.language.en"]);
  });

  it("have a folder for every namespace", () => {
    expect(Object.keys(BY_NAMESPACE).sort()).toEqual([...NAMESPACES].sort());
  });

  it("keep each namespace's keys in its own folder", () => {
    for (const [namespace, catalogue] of Object.entries(BY_NAMESPACE)) {
      const keys = [...Object.keys(catalogue.en), ...Object.keys(catalogue.cy), ...Object.keys(catalogue.review)];
      expect({ namespace, strays: keys.filter((key) => namespaceOf(key) !== namespace) }).toEqual({ namespace, strays: [] });
    }
  });

  it("mark for a native speaker's review every legal or money statement of the award letter, the offer, the payment and the bank details emails", () => {
    // why: a group signs and is paid on these words; plain labels (a date, the reference) and pointers are left out.
    const PLAIN = new Set([
      "letter.field.date",
      "letter.field.reference",
      "letter.field.to",
      "letter.field.project",
      "letter.field.amount",
      "letter.noProject",
      "letter.footer",
      "email.award.paid.seeLink",
      "email.award.cancelled.reasonHeading",
      "email.award.cancelled.mistake",
    ]);
    const binding = Object.keys(cy).filter((key) => /^(letter\.|email\.award\.(offered|paid|cancelled)\.|email\.payee\.)/.test(key) && !PLAIN.has(key));
    expect(binding.length).toBeGreaterThan(30);
    expect(binding.filter((key) => !(key in review))).toEqual([]);
  });

  it("mark for review only strings that exist", () => {
    const marked = Object.keys(review).filter((key) => !key.startsWith("_"));
    expect(marked.filter((key) => !(key in cy))).toEqual([]);
  });
});

/** Text a person would read, typed into JSX: text between tags, and string attributes people read. */
const READ_ATTRIBUTES = new Set(["label", "hint", "title", "alt", "aria-label", "placeholder", "legend", "idle"]);
const hasWords = (text: string) => /\p{L}/u.test(text);

function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(process.cwd(), file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && hasWords(node.expression.text) && ts.isJsxElement(node.parent)) {
      found.push(node.expression.text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const inner = ts.isJsxExpression(init) ? init.expression : undefined;
      const text = ts.isStringLiteral(init) ? init.text : inner && (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) ? inner.text : null;
      if (text && hasWords(text)) found.push(text);
    }
    if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent) && node.expression && ts.isTemplateExpression(node.expression) && hasWords(node.expression.head.text)) {
      found.push(node.expression.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function keysUsedIn(file: string): string[] {
  const text = readFileSync(path.join(process.cwd(), file), "utf8");
  return [...text.matchAll(/\b(?:t|both|pageTitle\(matches,|word)\(\s*"([a-z]+\.[\w.]+)"|\bk="([a-z]+\.[\w.]+)"/g)].map((m) => m[1] ?? m[2]);
}

describe("the converted files", () => {
  it.each(CONVERTED_FILES)("%s shows no text of its own", (file) => {
    // The brand name is not translated.
    expect(literalsIn(file).filter((text) => text !== "Pitchday")).toEqual([]);
  });

  it.each(CONVERTED_FILES)("%s uses only keys the catalogues hold", (file) => {
    expect(keysUsedIn(file).filter((key) => !(key in en))).toEqual([]);
  });

  it("catch text typed into JSX (the check itself can fail)", () => {
    const probe = "app/i18n/catalogue-probe.fixture.tsx";
    expect(literalsIn(probe)).toEqual(["Vote now", "Your code", "QR code"]);
  });
});

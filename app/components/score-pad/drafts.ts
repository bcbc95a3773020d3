// Answers kept on the phone until the server acknowledges them (a draft in localStorage), and
// put back into the pad's controls after a reload as if the person had chosen them.

const draftKey = (key: string) => `pitchday:draft:${key}`;

export function readDraft(key: string) {
  try {
    return window.localStorage.getItem(draftKey(key));
  } catch {
    return null;
  }
}

export function writeDraft(key: string, body: string | null) {
  try {
    if (body === null) window.localStorage.removeItem(draftKey(key));
    else window.localStorage.setItem(draftKey(key), body);
  } catch {
    // why: no storage (private browsing): the answers stay on the page, just not across a reload.
  }
}

const textareaValue = Object.getOwnPropertyDescriptor(globalThis.HTMLTextAreaElement?.prototype ?? {}, "value");

/** Puts answers (a form body) back into the controls, as if the person had chosen them. */
export function restore(form: HTMLFormElement, body: string, options: { clearFirst?: boolean } = {}) {
  if (options.clearFirst) for (const radio of form.querySelectorAll<HTMLInputElement>("input[type=radio]")) radio.checked = false;
  for (const [name, value] of new URLSearchParams(body)) {
    if (name.startsWith("items.")) {
      for (const radio of form.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
        if (radio.name === name) radio.checked = radio.value === value;
      }
    } else if (name === "comment") {
      const comment = form.querySelector<HTMLTextAreaElement>("textarea[name=comment]");
      if (comment && comment.value !== value) {
        // why: React's character count listens for input events; a plain assignment skips them.
        textareaValue?.set?.call(comment, value);
        comment.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  }
}

export function sameAnswers(a: string, b: string) {
  const strip = (body: string) => {
    const params = new URLSearchParams(body);
    params.delete("clientMutationId");
    params.delete("from");
    params.sort();
    return params.toString();
  };
  return strip(a) === strip(b);
}

import type Stripe from "stripe";

// The page an account link opens: in real life Stripe's hosted onboarding, here one form with
// two choices, so a person (or a Playwright test) can finish onboarding or leave part-way and
// the platform sees what Stripe would do in each case.

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function onboardingPage(input: { account: Stripe.Account; action: string; returnUrl: string }): string {
  const { account } = input;
  const name = account.business_profile?.name ?? account.email ?? account.id;
  const due = account.requirements?.currently_due ?? [];
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Set up payouts - Stripe (test fake)</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #0b0c0c; }
  .notice { border-left: 5px solid #1d70b8; padding: 0.5rem 1rem; background: #f3f2f1; }
  button { font-size: 1.1rem; padding: 0.75rem 1.25rem; margin: 0.5rem 0.5rem 0.5rem 0; min-height: 44px; cursor: pointer; }
  button[value="complete"] { background: #00703c; color: #fff; border: 0; }
  button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; }
</style>
</head>
<body>
<main>
  <h1>Set up payouts for ${escape(name)}</h1>
  <p class="notice">This is Pitchday's local Stripe fake, not Stripe. No real details are collected.</p>
  <p>Connected account <code>${escape(account.id)}</code> (${escape(account.type ?? "")}).</p>
  ${
    due.length
      ? `<h2>Stripe still needs</h2><ul>${due.map((d) => `<li>${escape(d)}</li>`).join("")}</ul>`
      : "<p>Nothing more is needed.</p>"
  }
  <form method="post" action="${escape(input.action)}">
    <button type="submit" name="choice" value="complete">Complete onboarding</button>
    <button type="submit" name="choice" value="leave">Leave without finishing</button>
  </form>
</main>
</body>
</html>
`;
}

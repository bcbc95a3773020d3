import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "~/domain/password-policy";

const ann = { email: "Ann.Lee@example.org", name: "Ann Lee" };

describe("passwordProblem", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("correct horse battery staple", ann)).toBeNull();
    expect(passwordProblem("pitchday-demo-2026", ann)).toBeNull();
  });

  it("asks for a password when there is none", () => {
    expect(passwordProblem("", ann)).toBe("Enter a password");
  });

  it(`needs at least ${MIN_PASSWORD_LENGTH} characters, counting exactly`, () => {
    expect(passwordProblem("a7#kQ2mz!pX", ann)).toBe("Password must be 12 characters or more");
    expect(passwordProblem("a7#kQ2mz!pX4", ann)).toBeNull();
  });

  it(`refuses more than ${MAX_PASSWORD_LENGTH} characters`, () => {
    const long = "river lantern ".repeat(20);
    expect(passwordProblem(long.slice(0, MAX_PASSWORD_LENGTH), ann)).toBeNull();
    expect(passwordProblem(long.slice(0, MAX_PASSWORD_LENGTH + 1), ann)).toBe("Password must be 200 characters or fewer");
  });

  it("refuses the person's own email address, in any case, or its first part", () => {
    expect(passwordProblem("ann.lee@example.org", ann)).toBe("Password must not be your email address");
    expect(passwordProblem("ANN.LEE@EXAMPLE.ORG", ann)).toBe("Password must not be your email address");
    const longLocal = { email: "annabel.leeson@example.org" };
    expect(passwordProblem("Annabel.Leeson", longLocal)).toBe("Password must not be your email address");
  });

  it("refuses the person's name, ignoring spaces and case", () => {
    const person = { email: "x@example.org", name: "Annabel Leeson-Smith" };
    expect(passwordProblem("annabelleeson-smith", person)).toBe("Password must not be your name");
    expect(passwordProblem("Annabel Leeson-Smith", person)).toBe("Password must not be your name");
  });

  it.each(["password1234", "Password1234", "aaaaaaaaaaaa", "abababababab", "123456789012", "789012345678", "zyxwvutsrqpo", "qwertyuiopasdf", "0987654321098"])(
    "refuses the easily guessed %p",
    (guess) => {
      expect(passwordProblem(guess, ann)).toBe("Choose a password that is harder to guess, for example three random words");
    },
  );

  it("does not mistake a password that merely contains digits in order for a run", () => {
    expect(passwordProblem("my 123456789 cats", ann)).toBeNull();
  });
});

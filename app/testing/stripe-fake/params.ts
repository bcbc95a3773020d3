import {
  parameterInvalid,
  parameterInvalidInteger,
  parameterMissing,
  parameterUnknown,
} from "./errors";
import type { FormObject, FormValue } from "./form";

// Reads an endpoint's parameters the way Stripe checks them: unknown names, missing required
// ones and malformed values are refused with Stripe's error codes, so a typo in our payment
// code fails here exactly as it would against the real API.

export class Params {
  private readonly used = new Set<string>(["expand"]);

  constructor(
    private readonly values: FormObject,
    private readonly prefix = "",
  ) {}

  private name(key: string) {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  private take(key: string): FormValue | undefined {
    this.used.add(key);
    return this.values[key];
  }

  string(key: string, options: { required: true }): string;
  string(key: string, options?: { required?: false }): string | undefined;
  string(key: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.take(key);
    if (value === undefined || value === "") {
      if (options.required) throw parameterMissing(this.name(key));
      return undefined;
    }
    if (typeof value !== "string") throw parameterInvalid(this.name(key), `Invalid string: ${this.name(key)}`);
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], options: { required: true }): T;
  oneOf<T extends string>(key: string, allowed: readonly T[], options?: { required?: false }): T | undefined;
  oneOf<T extends string>(key: string, allowed: readonly T[], options: { required?: boolean } = {}): T | undefined {
    const value = options.required ? this.string(key, { required: true }) : this.string(key);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      throw parameterInvalid(
        this.name(key),
        `Invalid ${this.name(key)}: must be one of ${allowed.join(", ")}`,
      );
    }
    return value as T;
  }

  integer(key: string, options: { required: true; min?: number; max?: number }): number;
  integer(key: string, options?: { required?: false; min?: number; max?: number }): number | undefined;
  integer(key: string, options: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = options.required ? this.string(key, { required: true }) : this.string(key);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw parameterInvalidInteger(this.name(key), value);
    }
    const n = Number(value);
    if (options.min !== undefined && n < options.min) {
      throw parameterInvalid(this.name(key), `This value must be greater than or equal to ${options.min}.`);
    }
    if (options.max !== undefined && n > options.max) {
      throw parameterInvalid(this.name(key), `This value must be less than or equal to ${options.max}.`);
    }
    return n;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== "true" && value !== "false") {
      throw parameterInvalid(this.name(key), `Invalid boolean: ${value}`);
    }
    return value === "true";
  }

  /** A nested hash, read with its own Params (call finish() on it too). */
  object(key: string): Params | undefined {
    const value = this.take(key);
    if (value === undefined || value === "") return undefined;
    if (typeof value !== "object" || Array.isArray(value)) {
      throw parameterInvalid(this.name(key), `Invalid object: ${this.name(key)}`);
    }
    return new Params(value, this.name(key));
  }

  /** A hash passed through as given (fields Stripe stores but the fake does not act on). */
  raw(key: string): FormValue | undefined {
    return this.take(key);
  }

  /** Stripe's metadata limits: 50 keys, names up to 40 characters, values up to 500. */
  metadata(key = "metadata"): Record<string, string> {
    const value = this.take(key);
    if (value === undefined || value === "") return {};
    if (typeof value !== "object" || Array.isArray(value)) {
      throw parameterInvalid(this.name(key), "Invalid metadata: metadata must be a hash.");
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== "string") throw parameterInvalid(`${this.name(key)}[${k}]`, "Invalid metadata: values must be strings.");
      if (k.length > 40) throw parameterInvalid(this.name(key), "Invalid metadata: keys can be up to 40 characters long.");
      if (v.length > 500) throw parameterInvalid(`${this.name(key)}[${k}]`, "Invalid metadata: values can be up to 500 characters long.");
      if (v !== "") out[k] = v;
    }
    if (Object.keys(out).length > 50) throw parameterInvalid(this.name(key), "Invalid metadata: metadata can have up to 50 keys.");
    return out;
  }

  /** The names given in this hash (for hashes keyed by name, like capabilities). */
  keys(): string[] {
    return Object.keys(this.values);
  }

  /** Refuses any parameter the endpoint did not read. */
  finish(): void {
    for (const key of Object.keys(this.values)) {
      if (!this.used.has(key)) throw parameterUnknown(this.name(key));
    }
  }
}

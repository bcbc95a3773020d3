// One map from role to permission, used by every loader and action and by the UI to hide
// what a person cannot do. Identity comes from the session; this file only decides.

export const ROLES = ["ADMIN", "ORGANISER", "FUNDER", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrator",
  ORGANISER: "Organiser",
  FUNDER: "Funder",
  AUDITOR: "Auditor",
};

const PERMISSIONS = {
  "user:manage": ["ADMIN"],
  "fund:read": ["ADMIN", "ORGANISER", "FUNDER", "AUDITOR"],
  "fund:manage": ["ORGANISER"],
  "bid:read": ["ORGANISER", "FUNDER", "AUDITOR"],
  "bid:shortlist": ["ORGANISER"],
  "bid:export": ["ORGANISER", "FUNDER", "AUDITOR"],
  "event:read": ["ORGANISER", "FUNDER", "AUDITOR"],
  "event:manage": ["ORGANISER"],
  "event:run": ["ORGANISER"],
  "decision:make": ["FUNDER"],
  "award:issue": ["FUNDER"],
  "payment:request": ["FUNDER"],
  "payment:approve": ["FUNDER"],
  "grant:read": ["ORGANISER", "FUNDER", "AUDITOR"],
  "grant:review": ["FUNDER"],
  "audit:read": ["AUDITOR", "ADMIN"],
  "audit:checkpoint": ["AUDITOR", "ADMIN", "FUNDER"],
  "personal-data:export": ["ORGANISER", "ADMIN"],
  "personal-data:erase": ["ORGANISER", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
// why: marked pure so a script that imports nothing from here (the root route) drops the map.
export const ALL_PERMISSIONS = /* @__PURE__ */ Object.keys(PERMISSIONS) as Permission[];

export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** What a subject may say about who touched it before (for four-eyes rules). */
export interface Subject {
  decidedById?: string | null;
  requestedById?: string | null;
}

export function can(actor: Actor | null | undefined, permission: Permission, subject?: Subject) {
  if (!actor) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  if (!actor.roles.some((role) => allowed.includes(role))) return false;
  // Four eyes: whoever decided an award or asked for its payment cannot approve that payment.
  if (permission === "payment:approve" && subject) {
    if (subject.decidedById === actor.id || subject.requestedById === actor.id) return false;
  }
  return true;
}

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

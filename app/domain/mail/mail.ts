// What every email we send is made of, and the small parts they share. Builders here are pure:
// the caller passes the app's public address (APP_URL), because an email has no browser
// request to take an address from.

export interface MailInput {
  to: string;
  subject: string;
  text: string;
}

/** Who a group's email goes to and which bid and round it is about. */
export interface GroupMailContext {
  /** The app's public address (APP_URL), for links. */
  baseUrl: string;
  to: string;
  contactName: string;
  reference: string;
  groupName: string;
  roundTitle: string;
  roundSlug: string;
}

export function greeting(name: string) {
  return name ? `Hello ${name},` : "Hello,";
}

/** An absolute link for an email: `path` on the app's public address. */
export function mailLink(baseUrl: string, path: string) {
  return new URL(path, baseUrl).toString();
}

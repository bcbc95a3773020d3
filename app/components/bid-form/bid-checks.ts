// why a module of its own: the form loads it with import() once a person is in the form, so a
// phone's first load carries only what it needs to show the page. The checks are the domain's,
// the same ones the server runs.
export { bidFieldErrors } from "~/domain/bid-rules";

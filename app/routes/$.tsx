import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any address no route claims: a proper 404 page rendered by the error boundary, which says
// what happened in the page's language.
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

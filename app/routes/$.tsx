import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any address no route claims: a proper 404 page rendered by the error boundary.
export function loader() {
  throw new Response("We could not find that page. Check the address, or start again from the home page.", {
    status: 404,
  });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

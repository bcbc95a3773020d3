import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import styles from "~/styles/app.css";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { can } from "~/domain/permissions";
import { getUser } from "~/requests/auth.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "apple-touch-icon", href: "/icon-192.png" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export const meta: MetaFunction = () => [
  { title: "Pitchday" },
  { name: "description", content: "Small grants decided live, with every penny accounted for." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // why: the header's one permission is decided here, so every page's script leaves the role map out.
  return { user: user && { id: user.id, name: user.name, roles: user.roles, managesUsers: can(user, "user:manage") } };
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4f91" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const user = useOptionalUser();
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          Pitchday
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link to="/rounds">Apply for funding</Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link to="/staff">Staff home</Link>
                </li>
                {user.managesUsers ? (
                  <li>
                    <Link to="/admin/users">Users</Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/account">Your account</Link>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      Sign out <span className="visually-hidden">{user.name}</span>
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <li>
                <Link to="/login">Staff sign in</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Document>
      <Header />
      <main id="main" className="container" tabIndex={-1}>
        <Outlet />
      </main>
    </Document>
  );
}

export function ErrorBoundary() {
  return (
    <Document>
      <main id="main" className="container">
        <GeneralErrorBoundary />
      </main>
    </Document>
  );
}

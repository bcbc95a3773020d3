import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
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
import { LanguageLink } from "~/components/language-link";
import { can } from "~/domain/permissions";
import { messagesForPage } from "~/i18n/catalogue.server";
import { I18nProvider, useT } from "~/i18n/i18n-context";
import { DEFAULT_LANG, htmlLang, type Lang } from "~/i18n/lang";
import { requestLang } from "~/i18n/language-cookie.server";
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
  const [user, lang] = await Promise.all([getUser(request), requestLang(request)]);
  const { messages, bilingual } = messagesForPage(lang, new URL(request.url).pathname);
  return {
    // why: the header's one permission is decided here, so every page's script leaves the role map out.
    user: user && { id: user.id, name: user.name, roles: user.roles, managesUsers: can(user, "user:manage") },
    lang,
    bilingual,
    messages,
  };
}

// why: the root loader sends only the messages a page needs, chosen by the address's first
// segment (i18n/namespaces.ts), so moving to another section loads them again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname.split("/")[1] !== nextUrl.pathname.split("/")[1] || defaultShouldRevalidate;

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

function Document({ children, lang }: { children: React.ReactNode; lang: Lang }) {
  const nonce = useNonce();
  const t = useT();
  return (
    <html lang={htmlLang(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4f91" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("common.skipLink")}
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
  const t = useT();
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          Pitchday
        </Link>
        <nav aria-label={t("common.nav.label")}>
          <ul className="nav-list">
            <li>
              <Link to="/rounds">{t("common.nav.apply")}</Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link to="/staff">{t("common.nav.staffHome")}</Link>
                </li>
                {user.managesUsers ? (
                  <li>
                    <Link to="/admin/users">{t("common.nav.users")}</Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/account">{t("common.nav.account")}</Link>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      {t("common.nav.signOut")} <span className="visually-hidden">{user.name}</span>
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <li>
                <Link to="/login">{t("common.nav.staffSignIn")}</Link>
              </li>
            )}
            <li>
              <LanguageLink />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export default function App() {
  const { lang, messages } = useLoaderData<typeof loader>();
  return (
    <I18nProvider lang={lang} messages={messages}>
      <Document lang={lang}>
        <Header />
        <main id="main" className="container" tabIndex={-1}>
          <Outlet />
        </main>
      </Document>
    </I18nProvider>
  );
}

export function ErrorBoundary() {
  const loaded = useRouteLoaderData<typeof loader>("root");
  const lang = loaded?.lang ?? DEFAULT_LANG;
  return (
    <I18nProvider lang={lang} messages={loaded?.messages ?? {}}>
      <Document lang={lang}>
        <main id="main" className="container">
          <GeneralErrorBoundary />
        </main>
      </Document>
    </I18nProvider>
  );
}

/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/node";

// why: with the v3_singleFetch future flag on, loaders' data is typed the single-fetch way.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

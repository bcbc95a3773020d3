#!/usr/bin/env bash
# The whole suite: types, the production build, unit and integration tests (Jest, on the
# database engine in use), then end-to-end tests (Playwright in Chromium against the build).
# PGlite by default; set DATABASE_URL=postgres://... to run everything on a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=$([ -n "${DATABASE_URL:-}" ] && echo "PostgreSQL" || echo "PGlite")
echo "== Pitchday test suite on $engine"
npm run --silent setup
echo "== Type check"
npx tsc -p .
echo "== Lint"
npm run --silent lint
npm run --silent lint:deps
echo "== Build"
# why: built first, so the tests that start the real server (two instances) use this code.
NODE_ENV=production npx remix build >/dev/null
echo "== Unit and integration tests"
NODE_OPTIONS="--experimental-vm-modules --no-warnings" npx jest --ci
echo "== End-to-end tests"
npx playwright test -c e2e/playwright.config.ts

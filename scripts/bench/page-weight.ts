import { gzipSync } from "node:zlib";

// What a phone downloads for one page on first visit: the HTML and every script the page
// loads or preloads, each gzip-compressed as our server sends them.

export interface PageWeight {
  path: string;
  htmlGzipBytes: number;
  jsGzipBytes: number;
  scripts: number;
}

function gz(text: string) {
  return gzipSync(Buffer.from(text), { level: 6 }).length;
}

export async function measurePage(baseUrl: string, path: string, init?: RequestInit): Promise<PageWeight> {
  const response = await fetch(new URL(path, baseUrl), init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"/g)) sources.add(match[1]);
  // Remix's inline module script imports the entry and route chunks by URL.
  for (const match of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"([^"]+\.js)"/g)) sources.add(match[1]);
  let jsGzipBytes = 0;
  for (const src of sources) {
    const js = await fetch(new URL(src, baseUrl));
    if (!js.ok) throw new Error(`${src} answered ${js.status}`);
    jsGzipBytes += gz(await js.text());
  }
  return { path, htmlGzipBytes: gz(html), jsGzipBytes, scripts: sources.size };
}

// A Content-Security-Policy for a rendered page that does not depend on the request: the hash of each
// of its inline scripts and style elements, and of each of its own script files. A page rendered once
// can then be served to every reader (and held by a shared cache) under a policy as strict as a
// per-request nonce: a script runs only if it is exactly one the server rendered, and 'strict-dynamic'
// passes that trust on to the chunks those scripts load.
//
// Script files are trusted by hash too: each <script src> of the build's own static files gets an
// integrity attribute (Subresource Integrity) with the file's hash, and the same hash goes into the
// policy, which CSP Level 3 matches against the integrity metadata of external scripts. Preloads of
// those files get the same attribute, so the browser's preload and the script share one fetch.
import { createHash } from "node:crypto";

export interface PageHashes {
  /** 'sha256-…' sources for script-src: inline scripts and script files */
  scripts: string[];
  /** 'sha256-…' sources for style-src-elem: inline <style> elements */
  styles: string[];
}

export interface HashedPage {
  html: string;
  hashes: PageHashes;
}

/** sha256 of bytes or a UTF-8 string, as a CSP hash source without the quotes. */
export function sha256Source(content: string | Uint8Array): string {
  return `sha256-${createHash("sha256").update(content).digest("base64")}`;
}

/**
 * Reads a same-origin script file's bytes for its integrity hash: null when the file is not one of the
 * build's static files (then the tag is left as it is and is allowed only if a trusted script loads it).
 */
export type ScriptFileReader = (src: string) => Uint8Array | null;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")([^>]*)>/gi;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}(?:="([^"]*)"|='([^']*)'|=([^\\s>]+)|(?=[\\s/>]|$))`, "i").exec(attrs);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? "";
}

/** Removes `nonce="…"` (a page rendered for everyone carries none). */
function withoutNonce(attrs: string): string {
  return attrs.replace(/\s+nonce="[^"]*"/gi, "");
}

/** Adds integrity="<hash>" before a trailing `/` of a void tag's attributes. */
function withIntegrity(attrs: string, hash: string): string {
  const selfClosing = /\/\s*$/.test(attrs);
  const body = attrs.replace(/\s*\/\s*$/, "");
  return `${body} integrity="${hash}"${selfClosing ? "/" : ""}`;
}

/**
 * The page with integrity attributes on its own script files and no nonces, and the hashes its policy
 * must list. Only raw text is hashed: a script's content is what the browser hashes (the HTML parser
 * does not decode entities inside <script> or <style>).
 */
export function hashPage(html: string, readScript: ScriptFileReader): HashedPage {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const fileHashes = new Map<string, string | null>();
  const fileHash = (src: string) => {
    if (!fileHashes.has(src)) {
      const bytes = readScript(src);
      fileHashes.set(src, bytes ? sha256Source(bytes) : null);
    }
    return fileHashes.get(src)!;
  };

  let out = html.replace(SCRIPT, (_whole, rawAttrs: string, content: string) => {
    let attrs = withoutNonce(rawAttrs);
    const src = attribute(attrs, "src");
    if (src !== null) {
      const existing = attribute(attrs, "integrity");
      const hash = existing ?? fileHash(src);
      if (hash) {
        if (existing === null) attrs = withIntegrity(attrs, hash);
        for (const h of hash.split(/\s+/).filter(Boolean)) scripts.add(h);
      }
    } else if (content.length > 0 || !/\btype=/i.test(attrs)) {
      const type = attribute(attrs, "type");
      // data blocks (application/json, application/ld+json…) never run and need no hash
      if (type === null || /^(?:text\/javascript|module|application\/javascript)$/i.test(type))
        scripts.add(sha256Source(content));
    }
    return `<script${attrs}>${content}</script>`;
  });
  out = out.replace(STYLE, (_whole, rawAttrs: string, content: string) => {
    styles.add(sha256Source(content));
    return `<style${withoutNonce(rawAttrs)}>${content}</style>`;
  });
  out = out.replace(SCRIPT_PRELOAD, (whole, rawAttrs: string) => {
    const as = attribute(rawAttrs, "as");
    const rel = attribute(rawAttrs, "rel");
    if (rel === "preload" && as !== "script") return `<link${withoutNonce(rawAttrs)}>`;
    const href = attribute(rawAttrs, "href");
    let attrs = withoutNonce(rawAttrs);
    if (href && attribute(attrs, "integrity") === null) {
      const hash = fileHash(href);
      if (hash) {
        attrs = withIntegrity(attrs, hash);
        scripts.add(hash);
      }
    }
    return whole === `<link${rawAttrs}>` ? `<link${attrs}>` : whole;
  });
  // any other nonce (a stylesheet link, say) means nothing without one in the policy
  out = out.replace(/(<link\b[^>]*?)\s+nonce="[^"]*"/gi, "$1");
  return { html: out, hashes: { scripts: [...scripts].sort(), styles: [...styles].sort() } };
}

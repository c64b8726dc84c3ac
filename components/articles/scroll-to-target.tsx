"use client";

import { useEffect } from "react";

/**
 * The article body streams in after the page's first bytes, so the browser may look for
 * `#s-<start>` before that sentence exists and never scroll to it (seen on phones). Once the body
 * has mounted, bring the cited sentence into view.
 */
export function ScrollToTarget() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: "center" });
  }, []);
  return null;
}

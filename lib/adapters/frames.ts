/**
 * Reaching the conversation where a tool's shell really puts it: open shadow roots (web
 * components) and same-origin frames. Content scripts run in the top frame only, so the top frame
 * reads the documents of the frames it may read; cross-origin frames stay closed (the browser
 * returns no document) and closed shadow roots stay closed.
 */

/** Frames nested deeper than this are not the tool's form (an editor, an embedded widget). */
const MAX_FRAME_DEPTH = 2;

/** `root` and every open shadow root below it, shadow roots inside shadow roots included. */
export function openRoots(root: Document | ShadowRoot): Array<Document | ShadowRoot> {
  const roots: Array<Document | ShadowRoot> = [root];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i]!.querySelectorAll('*')) {
      const shadow = el.shadowRoot;
      if (shadow) roots.push(shadow);
    }
  }
  return roots;
}

/** The first element matching `selector` in `root` or any open shadow root below it. */
export function deepQuery(root: Document | ShadowRoot, selector: string): Element | null {
  for (const r of openRoots(root)) {
    const found = r.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * The documents of the same-origin frames under `document` (inside open shadow roots too), each
 * with its own address, outermost first. A frame still at about:blank is left out.
 */
export function frameDocuments(document: Document): Array<{ document: Document; url: URL }> {
  const out: Array<{ document: Document; url: URL }> = [];
  const visit = (doc: Document, depth: number): void => {
    if (depth > MAX_FRAME_DEPTH) return;
    for (const root of openRoots(doc)) {
      for (const frame of root.querySelectorAll('iframe, frame')) {
        const inner = readableDocument(frame as HTMLIFrameElement);
        const url = inner && parseUrl(inner.URL);
        if (!inner || !url || url.protocol === 'about:') continue;
        out.push({ document: inner, url });
        visit(inner, depth + 1);
      }
    }
  };
  visit(document, 1);
  return out;
}

function readableDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null; // Cross-origin (some engines throw rather than answer null).
  }
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

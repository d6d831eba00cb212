/**
 * The one allow-list: the HTML the knowledge Markdown subset (knowledge/markdown.ts) renders to.
 * Import (knowledge/sanitise.ts, in Node and in the panel), the panel's render and the content
 * script's insert all read it from here. No library here, so the content script can import it
 * without taking the sanitiser along.
 */
export const SUBSET_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'a', 'ul', 'ol', 'li', 'h3', 'h4', 'code'] as const;

/** `href` on links (checked against SAFE_HREF), `start` on numbered lists. */
export const SUBSET_ATTRIBUTES = ['href', 'start'] as const;

export const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

/** Elements dropped together with everything inside them: their text is not the reader's text. */
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'title', 'head', 'textarea', 'select', 'option', 'button', 'xmp', 'plaintext', 'audio', 'video',
] as const;

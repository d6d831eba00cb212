/** What every editor test page exposes on `window`, read by the e2e tests in the page's world. */
export interface TestEditorApi {
  name: string;
  /** The plain text the editor would send: one line per paragraph or line break. */
  text(): string;
  /** The HTML the editor would send (its own serialisation). */
  html(): string;
}

export interface FormCounters {
  /** Times the reply form's submit event fired (it must stay 0). */
  submits: number;
  /** Times the send button was clicked (it must stay 0). */
  sendClicks: number;
}

declare global {
  interface Window {
    testEditor?: TestEditorApi;
    formCounters?: FormCounters;
  }
}

/** Counts submit events and send-button clicks; the form never leaves the page either way. */
export function watchForm(): void {
  const counters: FormCounters = { submits: 0, sendClicks: 0 };
  window.formCounters = counters;
  const form = document.querySelector('form');
  form?.addEventListener('submit', (e) => {
    counters.submits++;
    e.preventDefault();
  });
  document.querySelector('[data-send]')?.addEventListener('click', () => counters.sendClicks++);
}

/** Lines of an HTML fragment as an agent would read them: blocks and <br> end a line. */
export function htmlToLines(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent;
      else if ((child as Element).tagName === 'BR') out += '\n';
      else {
        const block = /^(P|DIV|LI|H[1-6]|UL|OL)$/.test((child as Element).tagName);
        if (block && out && !out.endsWith('\n')) out += '\n';
        walk(child);
        if (block && !out.endsWith('\n')) out += '\n';
      }
    }
  };
  walk(doc.body);
  return out.replace(/\u00a0/g, ' ').replace(/\n+$/, '');
}

export function expose(api: TestEditorApi): void {
  watchForm();
  window.testEditor = api;
  document.body.dataset.editorReady = api.name;
}

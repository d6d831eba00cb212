import path from 'node:path';
import { buildEditorBundles } from '../editors/build';
import { EDITORS, editorPageHtml, type EditorName } from '../editors/pages';
import { files, serve, type LocalServer, type Route } from '../demo/http';

export const EDITOR_BUNDLES = path.resolve('.e2e-tmp/editors');

const pages: Route = async (_req, url) => {
  const name = url.pathname.match(/^\/editors\/([\w-]+)$/)?.[1];
  if (!name || !(EDITORS as readonly string[]).includes(name)) return null;
  return { type: 'text/html; charset=utf-8', body: editorPageHtml(name as EditorName, '/editors/bundles') };
};

/** Builds the editor bundles into .e2e-tmp/editors/ and serves the pages at /editors/<name>. */
export async function serveEditorPages(extra: Route[] = []): Promise<LocalServer> {
  await buildEditorBundles(EDITOR_BUNDLES);
  return serve([pages, files('/editors/bundles/', EDITOR_BUNDLES), ...extra]);
}

import { describe, expect, it } from 'vitest';
import { isSidePanelUrl } from '../e2e/harness';

describe('e2e harness: the side panel page', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';
  it('is sidepanel.html of this extension, with or without a query string or hash', () => {
    expect(isSidePanelUrl(`chrome-extension://${id}/sidepanel.html`, id)).toBe(true);
    expect(isSidePanelUrl(`chrome-extension://${id}/sidepanel.html?tab=12`, id)).toBe(true);
    expect(isSidePanelUrl(`chrome-extension://${id}/sidepanel.html#settings`, id)).toBe(true);
  });
  it('is not another page, another extension\u2019s panel or a look-alike name', () => {
    expect(isSidePanelUrl(`chrome-extension://${id}/sidepanel.html.map`, id)).toBe(false);
    expect(isSidePanelUrl(`chrome-extension://${id}/sidepanel.htmlx?tab=1`, id)).toBe(false);
    expect(isSidePanelUrl(`chrome-extension://${id}/dashboard.html`, id)).toBe(false);
    expect(isSidePanelUrl(`chrome-extension://other/sidepanel.html`, id)).toBe(false);
    expect(isSidePanelUrl(`https://${id}/sidepanel.html`, id)).toBe(false);
    expect(isSidePanelUrl('not a url', id)).toBe(false);
  });
});

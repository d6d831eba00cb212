import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startOnce } from './helpdesk.content/start';

/**
 * The helpdesk content script, built as /helpdesk.js. The worker registers it at runtime for the
 * origins the agent enabled, or injects it into the current tab for generic mode (activeTab).
 * An unlisted script, not a WXT content script: WXT's content-script context posts the extension's
 * id to the page and lets the page invalidate the script with one forged event. The code lives in
 * helpdesk.content/ beside its adapters.
 */
export default defineUnlistedScript(() => startOnce());

// Bundled as an IIFE and evaluated in an isolated world of the page (as a content script is),
// so the tests call the same insert code the extension ships, without the page's globals.
import { insertIntoReplyBox } from '../../entrypoints/helpdesk.content/insert';

(globalThis as { agentAssistInsert?: typeof insertIntoReplyBox }).agentAssistInsert = insertIntoReplyBox;

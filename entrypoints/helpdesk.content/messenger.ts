import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../../knowledge/messages';

/** The content script's end of the typed messages: types only, so no zod ships in the page. */
export const messenger = defineExtensionMessaging<ProtocolMap>();

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '@/knowledge/messages';

/**
 * The background's end of the typed messages (knowledge/messages.ts). @webext-core/messaging only
 * carries them (one listener per name, errors back to the sender); it hands each listener the
 * browser's MessageSender, which the router (knowledge/protocol.ts) checks before anything else.
 */
export const messenger = defineExtensionMessaging<ProtocolMap>();

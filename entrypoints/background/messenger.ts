import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '@/knowledge/messages';

/** The background's end of the typed messages (knowledge/messages.ts). */
export const messenger = defineExtensionMessaging<ProtocolMap>();

import {
  MESSAGES,
  MessageError,
  parseMessage,
  parseReply,
  type Handlers,
  type MessageData,
  type MessageName,
  type MessageReply,
  type MessagesTo,
  type Receiver,
} from './messages.ts';
import { checkSender, type MessageSender, type OwnExtension } from './senders.ts';

/** Every message `to` answers, from the table. */
export function namesFor<To extends Receiver>(to: To): MessagesTo<To>[] {
  return (Object.keys(MESSAGES) as MessageName[]).filter((n) => MESSAGES[n].to === to) as MessagesTo<To>[];
}

export type Route = (name: string, data: unknown, sender: MessageSender) => Promise<unknown>;

/**
 * The receiving end, derived from the table: checks that the message is one `to` answers, that its
 * sender may send it (never trusting the data for who or where), parses the data, runs the handler.
 * Refusals and bad data reject with a MessageError naming the message.
 */
export function createRouter<To extends Receiver>(to: To, handlers: Handlers<To>, own: OwnExtension): Route {
  return async (name, data, sender) => {
    const spec = (MESSAGES as Record<string, (typeof MESSAGES)[MessageName]>)[name];
    if (!spec || spec.to !== to) throw new MessageError(`${name}: not a message this receiver answers`);
    const from = checkSender(spec.from, sender, own);
    if ('refused' in from) throw new MessageError(`${name}: refused, ${from.refused}`);
    const run = handlers[name as MessagesTo<To>] as (d: unknown, s: typeof from) => unknown;
    return run(parseMessage(name as MessageName, data), from);
  };
}

/** What actually carries a message (a typed messenger's sendMessage); rejects when nobody answers. */
export type Transport = (name: MessageName, data: unknown) => Promise<unknown>;

/** The sending end for extension pages and the worker: every reply is parsed with its schema on arrival. */
export interface Client<N extends MessageName> {
  send<M extends N>(name: M, data: MessageData<M>): Promise<MessageReply<M>>;
}

export function createClient<N extends MessageName>(transport: Transport): Client<N> {
  return {
    async send(name, data) {
      return parseReply(name, await transport(name, data));
    },
  };
}

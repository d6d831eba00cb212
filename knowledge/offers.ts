import type { PlaceholderValues } from './placeholders';

/**
 * Values for the agent's own placeholders that the ticket already holds (an order number in the
 * subject or the message). They are offered in the form, marked as taken from the ticket; the agent
 * confirms each one: a number read from customer text is never filled in on its own.
 */

// "order 10234", "Order #A-10234", "order number: NW104582", "Bestellung Nr. 4711", "commande n° 88231".
const ORDER_WORD = String.raw`(?:order|bestellung|auftrag|commande|pedido|ordine|bestelling|zamówienie|ordre)`;
const NUMBER_WORD = String.raw`(?:number|no\.?|nr\.?|nummer|num(?:é|e)ro|n(?:°|º|o)\.?|número|numero|#)`;
const ORDER = new RegExp(String.raw`\b${ORDER_WORD}(?:\s*${NUMBER_WORD})?(?:\s+(?:is|ist|est|es))?\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]{2,30})\b`, 'giu');
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"'.,;:!?)\]]/gi;

function orderNumber(text: string): string | undefined {
  for (const m of text.matchAll(ORDER)) {
    const candidate = m[1]!;
    // A number needs a digit: "order status" or "order was" are words.
    if (/\d/.test(candidate)) return candidate;
  }
  return undefined;
}

function trackingUrl(text: string): string | undefined {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => m[0]).find((url) => /track|sendung|suivi|parcel|shipment/i.test(url));
}

export function offeredValues(ticket: { subject?: string; latestMessage?: string }): PlaceholderValues {
  const texts = [ticket.subject ?? '', ticket.latestMessage ?? ''];
  const out: PlaceholderValues = {};
  const order = texts.map(orderNumber).find(Boolean);
  if (order) out['order.number'] = order;
  const tracking = texts.map(trackingUrl).find(Boolean);
  if (tracking) out['order.tracking_url'] = tracking;
  return out;
}

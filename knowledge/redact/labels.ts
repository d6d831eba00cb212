/** A number right after one of these is an identifier of the order/shipment/device/booking, not personal data. */
const NUMBER_LABEL =
  /(?<!\p{L})(?:id|form|company|registered|registration|register|registernummer|handelsregister|hrb|hra|vat|ust-idnr|ust|siret|siren|kvk|nif|cif|piva|abn|acn|ein|tax|order|invoice|tracking|shipment|parcel|package|consignment|reference|ref|ticket|case|serial|s\/n|sn|imei|sku|item|article|model|version|build|booking|reservation|confirmation|transaction|receipt|voucher|coupon|customer|account|member|membership|contract|policy|claim|rma|return|awb|pnr|bestellung|bestellnummer|auftrag|auftragsnummer|sendung|sendungsnummer|rechnung|rechnungsnummer|artikel|artikelnummer|kundennummer|buchung|buchungsnummer|vorgang|vorgangsnummer|commande|facture|suivi|colis|référence|réservation|dossier|pedido|factura|seguimiento|número de pedido|reserva|localizador|ordine|fattura|spedizione|prenotazione|bestelling|factuur|zending|boeking|zamówienie|faktura|przesyłka|rezerwacja|ordernummer|bokning|encomenda|fatura|lot|batch|pages?|seiten?|(?!tel|telefon|handy|mobil|fax|ruf)\p{L}{3,}nr|room|zimmer|chambre|habitación|camera|(?!telefon|handy|ruf|mobil|fax|kunden)\p{L}{3,}nummer|注文番号|伝票番号)(?:[\s:#.]|no\b|nr\b|n°|nº|number|nummer|numéro|número|numero|numer|id|code|is|was|ist|lautet|est|es|è)*$/iu;

/** True when the text just before `start` names the number an identifier (order no., tracking, #...). */
export function labelledAsIdentifier(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  // "No. 01234567" names an identifier, unless a phone or card word comes first ("Tel. No.", "Card no").
  const bareNumberSign = /(?<!\p{L})(?:no|nr|nº|n°)\.?\s*:?\s*$/iu.test(before) && !/(?:tel|phone|fax|mobile|mob|cell|handy|telefon|tél|teléfono|telefone|telefono|contact|card|karte|carte|tarjeta|carta|kaart|kort|visa|amex|mastercard)\.?\s*(?:no|nr|nº|n°)\.?\s*:?\s*$/iu.test(before);
  return NUMBER_LABEL.test(before) || /#\s*$/.test(before) || bareNumberSign;
}

/** A letter of a script written without spaces (CJK): a number may touch it. */
export const CJK_LETTER = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
export const OTHER_LETTER = String.raw`(?:(?!${CJK_LETTER})\p{L})`;

/**
 * Words the synthetic generator recombines: seed topics (used only when the sample pack is
 * absent), synonyms customers and writers swap freely, and the noise real tickets carry
 * around the question (greetings, life stories, signatures).
 */

export interface SeedTopic {
  title: string;
  questions: string[];
  body: string;
  tags: string[];
}

export const BUILT_IN_SEEDS: SeedTopic[] = [
  {
    title: 'Refund for a returned order',
    questions: ['How do I get a refund?', 'When will I get my money back?', 'Can I return my order for a refund?'],
    body: 'We refund returned orders within 5 working days of receiving the parcel. The money goes back to the card you paid with. Bank processing can add 3 more days. You will get an email when the refund is issued.',
    tags: ['refunds', 'returns'],
  },
  {
    title: 'Where is my parcel',
    questions: ['Where is my order?', 'My parcel has not arrived', 'How do I track my delivery?'],
    body: 'Every order ships with a tracking link in the dispatch email. Standard delivery takes 3 to 5 working days. If the tracking has not moved for 7 days, reply and we will open a claim with the courier.',
    tags: ['shipping', 'delivery'],
  },
  {
    title: 'Reset your password',
    questions: ['I forgot my password', 'How do I reset my password?', 'The reset link does not work'],
    body: 'Click "Forgot password" on the sign-in page and enter your email address. The reset link is valid for 1 hour. Check your spam folder if the email does not arrive within 10 minutes.',
    tags: ['account', 'login'],
  },
  {
    title: 'Cancel a subscription',
    questions: ['How do I cancel my subscription?', 'Stop my monthly plan', 'I want to end my membership'],
    body: 'Open Account, then Subscription, and choose Cancel plan. You keep access until the end of the billing period. We do not charge a cancellation fee.',
    tags: ['billing', 'subscription'],
  },
  {
    title: 'Item arrived damaged',
    questions: ['My item arrived broken', 'The product is damaged', 'What do I do with a faulty item?'],
    body: 'Sorry about that. Send us a photo of the damage and of the box within 14 days. We will send a replacement at no cost or refund you in full, whichever you prefer.',
    tags: ['returns', 'damaged'],
  },
  {
    title: 'Change the delivery address',
    questions: ['Can I change my shipping address?', 'I moved, update my address', 'Wrong address on my order'],
    body: 'We can change the address until the order is packed, usually within 2 hours of purchase. After dispatch, ask the courier to redirect the parcel using the tracking link.',
    tags: ['shipping', 'orders'],
  },
  {
    title: 'Download an invoice',
    questions: ['Where can I find my invoice?', 'I need a VAT receipt', 'Send me a copy of my bill'],
    body: 'Invoices are under Account, then Orders, then Download invoice. For a company invoice with a VAT number, add the number in Billing details before you order.',
    tags: ['billing', 'invoices'],
  },
  {
    title: 'Warranty claims',
    questions: ['Is my device under warranty?', 'How long is the guarantee?', 'Repair under warranty'],
    body: 'All devices carry a 2 year warranty from the delivery date. Register the serial number in your account, describe the fault, and we will arrange a free repair or replacement.',
    tags: ['warranty', 'repairs'],
  },
  {
    title: 'Discount code does not work',
    questions: ['My promo code is not accepted', 'The coupon is invalid', 'Why does my voucher fail?'],
    body: 'Codes are case sensitive and cannot be combined. Check the expiry date and the minimum order value in the email that sent the code. Sale items are excluded from most codes.',
    tags: ['orders', 'promotions'],
  },
  {
    title: 'Delete my account',
    questions: ['Please delete my account', 'Remove all my personal data', 'How do I close my account?'],
    body: 'Go to Account, then Privacy, and choose Delete account. We erase your personal data within 30 days, except invoices we must keep for tax law.',
    tags: ['account', 'privacy'],
  },
];

/** Pairs writers and customers use interchangeably; applied both ways. */
export const SYNONYMS: [string, string][] = [
  ['order', 'purchase'],
  ['parcel', 'package'],
  ['refund', 'reimbursement'],
  ['delivery', 'shipment'],
  ['cancel', 'terminate'],
  ['account', 'profile'],
  ['broken', 'faulty'],
  ['damaged', 'defective'],
  ['invoice', 'receipt'],
  ['email', 'e-mail'],
  ['money', 'payment'],
  ['address', 'location'],
  ['password', 'passcode'],
  ['subscription', 'plan'],
  ['code', 'voucher'],
  ['arrive', 'turn up'],
  ['change', 'update'],
  ['send', 'ship'],
  ['device', 'unit'],
  ['days', 'business days'],
];

export const GREETINGS = ['Hi,', 'Hello,', 'Hi there,', 'Hello team,', 'Dear support,', 'Good morning,', 'Hey,', 'To whom it may concern,'];

export const SIGNOFFS = [
  'Thanks in advance,',
  'Kind regards,',
  'Best wishes,',
  'Cheers,',
  'Many thanks,',
  'Looking forward to hearing from you,',
];

export const FIRST_NAMES = ['Maria', 'James', 'Aisha', 'Tom', 'Priya', 'Lukas', 'Sofia', 'Chen', 'Olu', 'Emma', 'Diego', 'Hannah'];

export const SIGNATURE_TAILS = [
  'Sent from my iPhone',
  'Sent from Outlook for Android',
  'This email and any attachments are confidential and intended solely for the addressee.',
  'Please consider the environment before printing this email.',
  '',
];

/** Life around the question: what makes a real ticket long without helping search. */
export const NOISE = [
  'I have been a loyal customer for several years and never had a problem before.',
  'I tried calling but the line was busy for over an hour.',
  'This is quite urgent because I am travelling next week.',
  'My colleague recommended your shop and I was very happy at first.',
  'I already looked through the help pages but could not find anything that matched my situation.',
  'Honestly I am a bit frustrated at this point.',
  'I am writing on behalf of my mother who is not very good with computers.',
  'The website kept loading for a long time yesterday evening.',
  'I hope this is the right place to ask.',
  'Could you please get back to me as soon as possible?',
  'I would really appreciate a quick answer.',
  'Everything else about the service has been great so far.',
  'I also noticed the app asks me to sign in again every few days.',
  'We are a small business and rely on this every week.',
  'Just to give you some background, this started last Tuesday.',
  'I have attached a screenshot in case it helps.',
  'Sorry for the long message.',
  'Let me know if you need any more details from me.',
];

/** Syllables for product names: enough combinations that the vocabulary keeps growing at 100k. */
export const SYLLABLES = ['ka', 'lo', 'mi', 'ze', 'ru', 'ta', 'vo', 'ni', 'sa', 'be', 'qu', 'dor', 'lix', 'var', 'tem', 'fy', 'gra', 'plo', 'sen', 'wex'];

export const PRODUCT_KINDS = ['router', 'kettle', 'headset', 'backpack', 'camera', 'blender', 'lamp', 'speaker', 'charger', 'drill', 'jacket', 'watch'];

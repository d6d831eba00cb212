import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashTicket } from '../../knowledge/events.ts';

const SALT = 'a'.repeat(64);

describe('hashTicket', () => {
  it('is the salted SHA-256 of helpdesk and ticket id', async () => {
    const h = await hashTicket({ helpdesk: 'zendesk', id: '4711' }, SALT);
    expect(h).toBe(createHash('sha256').update(`${SALT}\u0000zendesk\u00004711`).digest('hex'));
  });

  it('differs by salt, helpdesk and id, and uses the URL when the page shows no id', async () => {
    const base = await hashTicket({ helpdesk: 'zendesk', id: '4711' }, SALT);
    const others = await Promise.all([
      hashTicket({ helpdesk: 'zendesk', id: '4711' }, 'b'.repeat(64)),
      hashTicket({ helpdesk: 'freshdesk', id: '4711' }, SALT),
      hashTicket({ helpdesk: 'zendesk', id: '4712' }, SALT),
    ]);
    expect(new Set([base, ...others]).size).toBe(4);
    const a = await hashTicket({ helpdesk: 'generic', id: '', url: 'https://help.example.com/t/1' }, SALT);
    const b = await hashTicket({ helpdesk: 'generic', id: '', url: 'https://help.example.com/t/2' }, SALT);
    expect(a).not.toBe(b);
  });
});

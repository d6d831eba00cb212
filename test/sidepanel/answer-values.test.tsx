// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/sidepanel/App';
import type { Entry } from '@/knowledge/entry';
import type { TabState } from '@/knowledge/messages';
import type { Ticket } from '@/knowledge/ticket';
import { allByTestId, byTestId, cleanup, click, flush, render } from '../components/render';
import { entry, fakeApi, suggestion, TAB, TICKET, ticketState } from './fake-api';

afterEach(cleanup);

function stateWith(ticket: Partial<Ticket>, entries: Entry[]): TabState {
  const s = ticketState();
  if (s.kind !== 'ticket') throw new Error('ticket state expected');
  return { ...s, ticket: { ...TICKET, ...ticket }, result: { abstained: false, suggestions: entries.map((e) => suggestion(e, 0.9)) } };
}

async function openFirst(state: TabState) {
  const fake = fakeApi(state);
  const c = await render(<App api={fake.api} />);
  await flush();
  await click(allByTestId(c, 'suggestion')[0]!.querySelector('button')!);
  return { c, ...fake };
}

const tags = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase());

describe('the answer the panel inserts', () => {
  it('a hostile requester and subject go in as plain text: no link, emphasis or heading, no second fill', async () => {
    const body = 'Hi {{customer.first_name}},\n\nabout "{{ticket.subject}}": done.\n\n{{agent.name}}';
    const { c, api } = await openFirst(
      stateWith({ requester: { name: '[Jonas](https://evil.example/verify) Doe', email: 'j@example.com' }, subject: '**Urgent** {{agent.name}} {{order.number}}\n# Call https://evil.example' }, [entry('e', 'E', body)]),
    );
    // The form asks for nothing: the entry uses no field the agent fills.
    expect(c.querySelector('[data-testid="placeholder-form"]')).toBeNull();
    expect(c.querySelector('.answer a, .answer strong, .answer h3')).toBeNull();
    await click(byTestId(c, 'insert'));
    await flush();
    const req = api.insert.mock.calls[0]![0];
    expect(new Set(tags(req.html!))).toEqual(new Set(['p']));
    expect(req.html).toContain('[Jonas](https://evil.example/verify),');
    expect(req.html).toContain('about "**Urgent** {{agent.name}} {{order.number}} # Call https://evil.example": done.');
  });

  it('Copy puts the plain text on the clipboard, values as typed', async () => {
    const { c, api } = await openFirst(stateWith({ requester: { name: 'Jo_nas *Doe*', email: 'jo@example.com' } }, [entry('e', 'E', 'Hi {{customer.name}}, see [the guide](https://help.example/a).')]));
    await click(byTestId(c, 'copy'));
    await flush();
    expect(api.copy).toHaveBeenCalledWith('Hi Jo_nas *Doe*, see the guide (https://help.example/a).');
  });

  it('an order number in the ticket is offered, marked as from the ticket, and used only once the agent takes it', async () => {
    const { c, api } = await openFirst(stateWith({ subject: 'Order #NW104582 missing' }, [entry('e', 'E', 'Order {{order.number}} ships today.')]));
    const field = c.querySelector<HTMLInputElement>('[data-placeholder="order.number"]')!;
    expect(field.value).toBe('');
    const offer = c.querySelector<HTMLButtonElement>('[data-offer="order.number"]')!;
    expect(offer.textContent).toBe('Use \u201cNW104582\u201d from the ticket');
    expect(byTestId<HTMLButtonElement>(c, 'insert').disabled).toBe(true);
    await click(offer);
    expect(field.value).toBe('NW104582');
    expect(c.querySelector('[data-offer="order.number"]')).toBeNull();
    await click(byTestId(c, 'insert'));
    await flush();
    expect(api.insert.mock.calls[0]![0].html).toContain('Order NW104582 ships today.');
  });

  it('where the helpdesk adds its own greeting and signature, the entry\u2019s are left out unless the agent keeps them', async () => {
    const body = 'Hi {{customer.first_name}},\n\nYour refund is on its way.\n\nBest,\n{{agent.name}}';
    const { c, api } = await openFirst(stateWith({ helpdesk: 'freescout' }, [entry('e', 'E', body)]));
    const box = byTestId<HTMLInputElement>(c, 'leave-frame');
    expect(box.checked).toBe(true);
    expect(box.parentElement!.textContent).toContain('greeting and sign-off: FreeScout adds its own');
    expect(c.querySelector('.answer')!.textContent!.trim()).toBe('Your refund is on its way.');
    await click(box);
    expect(c.querySelector('.answer')!.textContent).toContain('Hi Tom');
    await click(box);
    await click(byTestId(c, 'insert'));
    await flush();
    expect(api.insert.mock.calls[0]![0]).toMatchObject({ tabId: TAB, text: 'Your refund is on its way.' });
  });

  it('elsewhere the greeting and sign-off stay and nothing is offered', async () => {
    const { c } = await openFirst(stateWith({ helpdesk: 'osticket' }, [entry('e', 'E', 'Hi {{customer.first_name}},\n\nDone.\n\nBest,\nAna')]));
    expect(c.querySelector('[data-testid="leave-frame"]')).toBeNull();
    expect(c.querySelector('.answer')!.textContent).toContain('Hi Tom');
  });

  it('a card\u2019s excerpt shows an unfilled placeholder as a readable field', async () => {
    const fake = fakeApi(stateWith({}, [entry('e', 'E', 'Hi {{customer.first_name}}, order {{order.number}} is *on its way*.')]));
    const c = await render(<App api={fake.api} />);
    await flush();
    expect(c.querySelector('.card-preview')!.textContent).toBe('Hi Tom, order [order number] is on its way.');
  });
});

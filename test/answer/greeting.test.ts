import { describe, expect, it } from 'vitest';
import { doubled, frame, leaveOut } from '../../knowledge/greeting';

const BODY = 'Hi {{customer.first_name|there}},\n\nYour refund is on its way.\n\nBest,\n{{agent.name}}';

describe("an entry's own greeting and sign-off", () => {
  it.each([
    [BODY, 'Hi {{customer.first_name|there}},', 'Best,\n{{agent.name}}', 'Your refund is on its way.'],
    ['Hallo {{customer.first_name}},\nIhre Erstattung ist unterwegs.\n\nViele Grüße\n{{agent.signature}}', 'Hallo {{customer.first_name}},', 'Viele Grüße\n{{agent.signature}}', 'Ihre Erstattung ist unterwegs.'],
    ['Dear {{customer.name}},\n\nDone.\n\n{{agent.signature}}', 'Dear {{customer.name}},', '{{agent.signature}}', 'Done.'],
    ['Your refund is on its way.\n\nThanks for your patience, we will email you when it lands.', undefined, undefined, 'Your refund is on its way.\n\nThanks for your patience, we will email you when it lands.'],
    ['Hello world is what every program prints first.\nThen more.', undefined, undefined, 'Hello world is what every program prints first.\nThen more.'],
  ])('%j', (body, greeting, signOff, middle) => {
    const f = frame(body);
    expect([f.greeting, f.signOff, f.body.slice(f.middleStart, f.middleEnd)]).toEqual([greeting, signOff, middle]);
  });

  it('leaves out only what the helpdesk doubles', () => {
    expect(leaveOut(BODY, { greeting: true, signOff: true })).toBe('Your refund is on its way.');
    expect(leaveOut(BODY, { greeting: false, signOff: true })).toBe('Hi {{customer.first_name|there}},\n\nYour refund is on its way.');
    expect(leaveOut(BODY, { greeting: true, signOff: false })).toBe('Your refund is on its way.\n\nBest,\n{{agent.name}}');
  });

  it('is doubled on FreeScout, which adds both, and nowhere else', () => {
    expect(doubled('freescout', BODY)).toEqual({ product: 'FreeScout', greeting: true, signOff: true });
    expect(doubled('freescout', 'Your refund is on its way.')).toBeUndefined();
    expect(doubled('osticket', BODY)).toBeUndefined();
  });
});

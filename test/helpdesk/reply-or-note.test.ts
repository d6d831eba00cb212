/**
 * Insert on every saved page, as the content script does it (adapter -> insertReply): with the
 * internal note open and focused, the answer never goes into the note unless the agent chose it;
 * a copy of editor markup inside a customer message never receives it.
 */
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../entrypoints/helpdesk.content/adapters';
import { insertReply } from '../../entrypoints/helpdesk.content/replies';
import { COPY_MARK, loadFixtures, type Fixture } from './fixtures';

const ANSWER = 'Your replacement pole ships today.';

function editorsOf(fixture: Fixture) {
  const { expected } = fixture;
  const adapter = adapterFor(new URL(expected.url), expected.generic ? { genericSelectors: [expected.generic] } : {})!;
  const doc = fixture.document();
  return { doc, open: { reply: adapter.findReplyBox(doc), note: adapter.findNoteBox(doc) } };
}

const content = (el: Element) => (el as HTMLTextAreaElement).value ?? el.innerHTML;

const noteOpen = loadFixtures().filter((f) => f.expected.noteBox);
const withCopies = loadFixtures().filter((f) => f.name.endsWith('-editor-in-message'));

describe.each(noteOpen.map((f) => [`${f.folder}/${f.name}`, f] as const))('%s (internal note open and focused)', (_label, fixture) => {
  it('Insert leaves the note alone and says only the note is open', () => {
    const { doc, open } = editorsOf(fixture);
    const note = doc.querySelector<HTMLElement>(fixture.expected.noteBox!)!;
    note.focus();
    const before = content(note);
    const out = insertReply(open, { text: ANSWER });
    expect(out).toMatchObject({ ok: false, method: 'none', into: 'reply', noteOpen: true });
    expect(content(note)).toBe(before);
    expect(doc.body.textContent).not.toContain(ANSWER);
  });

  it('the note is offered only as itself: the adapter hands it over as the note, not the reply', () => {
    const { doc, open } = editorsOf(fixture);
    expect(open.reply).toBeNull();
    expect(open.note).toBe(doc.querySelector(fixture.expected.noteBox!));
  });
});

describe.each(withCopies.map((f) => [`${f.folder}/${f.name}`, f] as const))('%s (editor markup inside a customer message)', (_label, fixture) => {
  it('Insert never writes into the copy', () => {
    const { doc, open } = editorsOf(fixture);
    const copy = doc.querySelector(`[${COPY_MARK}]`)!;
    const before = copy.outerHTML;
    insertReply(open, { text: ANSWER });
    insertReply(open, { text: ANSWER, into: 'note' });
    expect(copy.outerHTML).toBe(before);
  });
});

it('every adapter is tried with the note open and with a copy in a message', () => {
  expect(new Set(noteOpen.map((f) => f.folder)).size).toBeGreaterThanOrEqual(11);
  expect(new Set(withCopies.map((f) => f.folder)).size).toBe(12);
});

import { describe, expect, it } from 'vitest';
import { importFiles } from '../../knowledge/standardise.ts';
import { NOW, fixtureFolder, importText, lines } from './helpers.ts';

describe('Markdown files', () => {
  const result = importFiles(fixtureFolder('md'), { now: NOW });

  it('reads front matter, converts Help Scout and osTicket placeholders, keeps unknown keys as custom', () => {
    expect(result.entries.find((e) => e.id === 'password-reset')).toMatchObject({
      title: 'Resetting a password',
      body: 'Hi {{customer.first_name|there}},\n\nuse the **Forgot password** link on the [login page](https://northwind.example/login).\n\n{{agent.signature}}',
      questions: ['I forgot my password', 'How do I reset my password?'],
      tags: ['account', 'password'], status: 'approved', reviewBy: '2027-12-31', custom: { team: 'accounts' },
      source: { format: 'markdown', file: 'md/password-reset.md' },
    });
    expect(lines(result, 'warning')).toEqual([expect.stringMatching(/^md\/password-reset\.md, team: is not a standard field; kept as a custom field/)]);
  });

  it('takes the title from a first heading and the id from the file name when front matter has none', () => {
    expect(result.entries.find((e) => e.id === 'gift-cards')).toMatchObject({
      title: 'Gift card balance', body: 'You can check the balance on the back of the card.', status: 'draft',
    });
  });

  it('reports invalid YAML with its line, and an unclosed front matter', () => {
    expect(lines(importText('a.md', '---\ntitle: A\ntitle: B\n---\nbody'))[0]).toMatch(/^a\.md front matter line 3: is not valid YAML: Map keys must be unique/);
    expect(lines(importText('a.md', '---\ntitle: A\nbody'))).toEqual(['a.md, front matter: starts with --- but is never closed by a second --- line']);
  });

  it('reports front matter problems by field name', () => {
    expect(lines(importText('a.md', '---\ntitle: A\nreview_by: 2027-02-30\nstatus: live\n---\nbody'))).toEqual([
      'a.md, status: "live" is not a status; use one of draft, in_review, approved, archived',
      'a.md, review_by: "2027-02-30" is not a date (write it as YYYY-MM-DD, e.g. 2027-03-31)',
    ]);
  });
});

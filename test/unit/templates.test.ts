import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE, TEMPLATES, mailtoUrl } from '@/lib/templates';
import { english } from '@/lib/english';
import messages from '@/public/_locales/en/messages.json';
import { translatorFor } from '@/lib/i18n';

const input = {
  name: 'Rosa Delgado',
  whatTheyDid: 'signed for the Globex parcels at 7 am.',
  whatItMadePossible: 'the customer had their order by noon',
};

describe('thank-you templates', () => {
  it('are specific: each names the person, what they did and what it made possible', () => {
    for (const template of TEMPLATES) {
      const text = template.render(input, english);
      expect(text, template.id).toMatch(/Rosa/);
      expect(text, template.id).toMatch(/signed for the Globex parcels at 7 am/);
      expect(text, template.id).toMatch(/the customer had their order by noon/i);
      expect(text, template.id).not.toMatch(/\.\./);
      expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE);
    }
  });
  it('offer the four tones and still read well with nothing filled in', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['quick', 'manager', 'family', 'supporting-cast']);
    const quick = TEMPLATES[0]!.render(
      { name: 'Sam', whatTheyDid: '', whatItMadePossible: '' },
      english,
    );
    expect(quick).toBe('Thank you, Sam, for your help. It meant a lot to me.');
    expect(TEMPLATES.map((t) => english(t.label))).toEqual([
      'Quick thanks',
      'A note to their manager',
      'Thanks for a family’s patience',
      'The supporting cast',
    ]);
  });
  it('let a translation reorder the sentence', () => {
    const german = translatorFor({
      ...messages,
      templateQuickBody: {
        message: 'Danke, $NAME$! Weil du $DID$, konnte $MADE$.',
        placeholders: { name: { content: '$1' }, did: { content: '$2' }, made: { content: '$3' } },
      },
    });
    expect(
      TEMPLATES[0]!.render(
        { name: 'Rosa Delgado', whatTheyDid: 'geholfen hast', whatItMadePossible: 'ich liefern' },
        german,
      ),
    ).toBe('Danke, Rosa! Weil du geholfen hast, konnte ich liefern.');
  });
  it('open a draft in the user’s own mail client, encoded', () => {
    expect(mailtoUrl('rosa@acme.example', 'Thank you', 'Hi & thanks\n')).toBe(
      'mailto:rosa%40acme.example?subject=Thank%20you&body=Hi%20%26%20thanks%0A',
    );
  });
});

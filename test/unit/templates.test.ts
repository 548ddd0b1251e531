import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { english } from '@/lib/english';
import { translatorFor, type MessageEntry } from '@/lib/i18n';
import { MAX_MESSAGE, TEMPLATES, mailtoUrl, suggestedTone, templateById } from '@/lib/templates';

const render = (id: Parameters<typeof templateById>[0], did: string, made: string) =>
  templateById(id).render(
    { name: 'Tom Baker', whatTheyDid: did, whatItMadePossible: made },
    english,
  );

// What people type for "What did they do?", in each shape, and how each tone must read.
const PAST = 'stayed late to fix the invoice export.';
const ING = 'getting your crew to relabel the pallets';
const NOUN = 'invoice export fix';
const MADE = 'Globex got their numbers on time';

const TABLE: Array<[Parameters<typeof templateById>[0], string, string, string]> = [
  [
    'quick',
    PAST,
    MADE,
    'Thank you, Tom. You stayed late to fix the invoice export. Because of it, Globex got their numbers on time.',
  ],
  [
    'quick',
    ING,
    MADE,
    'Thank you, Tom, for getting your crew to relabel the pallets. Because of it, Globex got their numbers on time.',
  ],
  [
    'quick',
    NOUN,
    MADE,
    'Thank you, Tom, for the invoice export fix. Because of it, Globex got their numbers on time.',
  ],
  [
    'quick',
    'You stayed late',
    'an on-time delivery',
    'Thank you, Tom. You stayed late. It made an on-time delivery possible.',
  ],
  [
    'quick',
    'Quickly found the missing pallets',
    'getting the order out by noon',
    'Thank you, Tom. You quickly found the missing pallets. It made getting the order out by noon possible.',
  ],
  [
    'quick',
    'your patience with the export',
    'we shipped on time',
    'Thank you, Tom, for your patience with the export. Because of it, we shipped on time.',
  ],
  [
    'manager',
    PAST,
    MADE,
    'I want you to know that Tom Baker stayed late to fix the invoice export. Because of it, Globex got their numbers on time. Please pass on my thanks to Tom.',
  ],
  [
    'manager',
    ING,
    MADE,
    'I want you to know how grateful I am to Tom Baker for getting your crew to relabel the pallets. Because of it, Globex got their numbers on time. Please pass on my thanks to Tom.',
  ],
  [
    'manager',
    NOUN,
    'on-time delivery',
    'I want you to know how grateful I am to Tom Baker for the invoice export fix. It made the on-time delivery possible. Please pass on my thanks to Tom.',
  ],
  [
    'family',
    PAST,
    MADE,
    'Tom, you stayed late to fix the invoice export: thank you, and please thank your family too. Because of it, Globex got their numbers on time. I know it cost you time together.',
  ],
  [
    'family',
    ING,
    MADE,
    'Tom, thank you, and please thank your family, for getting your crew to relabel the pallets. Because of it, Globex got their numbers on time. I know it cost you time together.',
  ],
  [
    'family',
    NOUN,
    MADE,
    'Tom, thank you, and please thank your family, for the invoice export fix. Because of it, Globex got their numbers on time. I know it cost you time together.',
  ],
  [
    'supporting-cast',
    PAST,
    MADE,
    'Tom, I noticed that you stayed late to fix the invoice export, and I am grateful. Because of it, Globex got their numbers on time.',
  ],
  [
    'supporting-cast',
    ING,
    MADE,
    'Tom, thank you for getting your crew to relabel the pallets. It did not go unnoticed. Because of it, Globex got their numbers on time.',
  ],
  [
    'supporting-cast',
    NOUN,
    MADE,
    'Tom, thank you for the invoice export fix. It did not go unnoticed. Because of it, Globex got their numbers on time.',
  ],
  ['quick', '', '', 'Thank you, Tom, for your help. It meant a lot to me.'],
  [
    'manager',
    '',
    '',
    'I want you to know that Tom Baker went out of their way to help. It helped us serve our customer well. Please pass on my thanks to Tom.',
  ],
  [
    'family',
    '',
    '',
    'Tom, thank you, and please thank your family, for all the late nights. It made a big deadline possible. I know it cost you time together.',
  ],
  [
    'supporting-cast',
    '',
    '',
    'Tom, thank you for everything you do behind the scenes. The rest of us can serve our customers because of it.',
  ],
];

describe('thank-you templates', () => {
  it.each(TABLE)('%s tone with "%s" / "%s" reads as English', (id, did, made, expected) => {
    expect(render(id, did, made)).toBe(expected);
  });

  it('every tone × phrasing names the person and keeps within 500 characters', () => {
    for (const template of TEMPLATES) {
      for (const did of [PAST, ING, NOUN, '']) {
        const text = template.render(
          { name: 'Rosa Delgado', whatTheyDid: did, whatItMadePossible: MADE },
          english,
        );
        expect(text, template.id).toMatch(/Rosa/);
        expect(text, template.id).not.toMatch(/\.\.|\$|for stayed|made Globex got|noticed getting/);
        expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE);
      }
    }
  });

  it('the note to a manager is about the person, never asking them to thank themselves', () => {
    const note = render('manager', PAST, MADE);
    expect(templateById('manager').aboutThePerson).toBe(true);
    expect(note).not.toMatch(/\byou stayed\b|yourself/i);
    expect(note).toContain('Tom Baker stayed late');
  });

  it('suggests the tone the person prefers, then one fitting their circle', () => {
    expect(suggestedTone({ thankPreference: 'via-manager', circle: 'support-staff' })).toBe(
      'manager',
    );
    expect(suggestedTone({ circle: 'support-staff' })).toBe('supporting-cast');
    expect(suggestedTone({})).toBe('quick');
  });

  it('offers the four tones by name', () => {
    expect(TEMPLATES.map((t) => english(t.label))).toEqual([
      'Quick thanks',
      'A note to their manager',
      'Thanks for a family’s patience',
      'The supporting cast',
    ]);
  });

  it('let a translation reorder its sentences', () => {
    const messages = JSON.parse(
      readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8'),
    ) as Record<string, MessageEntry>;
    const german = translatorFor({
      ...messages,
      templateQuickDidClause: {
        message: 'Danke, $NAME$! Du hast: $DID$.',
        placeholders: { name: { content: '$1' }, did: { content: '$2' } },
      },
    });
    expect(
      templateById('quick').render(
        { name: 'Rosa Delgado', whatTheyDid: 'stayed late', whatItMadePossible: '' },
        german,
      ),
    ).toBe('Danke, Rosa! Du hast: stayed late. It meant a lot to me.');
  });

  it('open a draft in the user’s own mail client, encoded', () => {
    expect(mailtoUrl('rosa@acme.example', 'Thank you', 'Hi & thanks\n')).toBe(
      'mailto:rosa%40acme.example?subject=Thank%20you&body=Hi%20%26%20thanks%0A',
    );
  });
});

// Every translation's sentence shapes: each template sentence keeps exactly the placeholders
// its slot fills, so a phrase of any shape lands in a sentence written for that shape.
const LOCALES = join(process.cwd(), 'public/_locales');
const SLOTS: Record<string, string[]> = {};
const SHAPES = {
  DidAct: ['$NAME$', '$DID$'],
  DidClause: ['$NAME$', '$DID$'],
  DidNone: ['$NAME$'],
  MadeNone: [],
} as const;
for (const tone of ['Quick', 'Manager', 'Family', 'Cast'])
  for (const [shape, needs] of Object.entries(SHAPES))
    SLOTS[`template${tone}${shape}`] = [...needs];
SLOTS.templateMadeAct = ['$MADE$'];
SLOTS.templateMadeClause = ['$MADE$'];
SLOTS.templateManagerClosing = ['$NAME$'];
SLOTS.templateFamilyClosing = [];

describe.each(readdirSync(LOCALES))('the %s translation’s sentence shapes', (locale) => {
  const messages = JSON.parse(
    readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'),
  ) as Record<string, MessageEntry>;
  const t = translatorFor(messages);

  it.each(Object.entries(SLOTS))('%s has the placeholders %j and no others', (key, needs) => {
    const entry = messages[key];
    expect(entry, key).toBeDefined();
    const used = [...entry!.message.matchAll(/\$[A-Za-z_]+\$/g)].map((m) => m[0].toUpperCase());
    expect(new Set(used)).toEqual(new Set(needs));
    expect(entry!.message.trim()).toMatch(/[.!?。]$/);
  });

  it('every tone fills every shape with no placeholder left over', () => {
    for (const template of TEMPLATES)
      for (const did of [PAST, ING, NOUN, ''])
        for (const made of [MADE, 'an on-time delivery', '']) {
          const text = template.render(
            { name: 'Rosa Delgado', whatTheyDid: did, whatItMadePossible: made },
            t,
          );
          expect(text).not.toMatch(/\$/);
          expect(text).toContain('Rosa');
        }
  });
});

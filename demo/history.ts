/**
 * A month of sample history for the demo workplace, in the export format (lib/io.ts), so it
 * goes into the extension through the real import control on the options page.
 *
 * Deterministic: the same day gives the same file (a seeded generator, ids made from it). Dates
 * count back from `today`, so "this week" always has data. The people match the demo pages
 * (demo/workplace/): their emails, Slack user ids and Jira account ids are the ones the pages
 * show, so the in-page sidebar recognises them.
 *
 * `npx tsx demo/history.ts [YYYY-MM-DD]` writes demo/sample-history.json.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeTime } from 'ulid';
import { localDay } from '../lib/balance.ts';
import { english } from '../lib/english.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, parseImport, type ExportFile } from '../lib/io.ts';
import type {
  Appreciation,
  CheckIn,
  Circle,
  Interaction,
  InteractionKind,
  Person,
  Relationship,
  Tool,
} from '../lib/model.ts';

export const HISTORY_FILE = fileURLToPath(new URL('./sample-history.json', import.meta.url));

/** The demo company and its user, as the demo pages show them. */
export const DEMO_ORG_DOMAIN = 'brightwater.example';
export const SLACK_TEAM = 'T0BRIGHTW1';
export const JIRA_HOST = 'brightwater.atlassian.net';

interface CastMember {
  name: string;
  email?: string;
  slack?: string;
  jira?: string;
  relationship: Relationship;
  circle: Circle;
  role: string;
  team: string;
  thankPreference?: Person['thankPreference'];
  notes?: string;
}

/** Everyone the user deals with, keyed for the scenarios below. */
export const CAST = {
  // Own team: Customer Operations.
  mei: {
    name: 'Mei Tanaka',
    email: 'mei.tanaka@brightwater.example',
    slack: 'U02MEITA01',
    relationship: 'internal',
    circle: 'own-team',
    role: 'Customer Success Manager',
    team: 'Customer Operations',
    thankPreference: 'publicly',
  },
  jonas: {
    name: 'Jonas Weber',
    email: 'jonas.weber@brightwater.example',
    slack: 'U02JONAS01',
    jira: '5f8a1c2b3d4e5f6a7b8c9d02',
    relationship: 'internal',
    circle: 'own-team',
    role: 'Operations Analyst',
    team: 'Customer Operations',
  },
  // Other departments.
  priya: {
    name: 'Priya Shah',
    email: 'priya.shah@brightwater.example',
    relationship: 'internal',
    circle: 'other-department',
    role: 'Accounts Receivable',
    team: 'Finance',
    thankPreference: 'in-writing',
  },
  daniel: {
    name: 'Daniel Okafor',
    email: 'daniel.okafor@brightwater.example',
    relationship: 'internal',
    circle: 'other-department',
    role: 'Account Executive',
    team: 'Sales',
  },
  lucia: {
    name: 'Lucía Fernández',
    email: 'lucia.fernandez@brightwater.example',
    relationship: 'internal',
    circle: 'other-department',
    role: 'Contracts Counsel',
    team: 'Legal',
  },
  // The supporting cast.
  rosa: {
    name: 'Rosa Delgado',
    email: 'rosa.delgado@brightwater.example',
    relationship: 'internal',
    circle: 'support-staff',
    role: 'Receptionist',
    team: 'Front Desk',
    thankPreference: 'in-writing',
    notes: 'Likes a heads-up before big visitor groups. Collects postcards.',
  },
  tom: {
    name: 'Tom Becker',
    email: 'tom.becker@brightwater.example',
    slack: 'U03TOMBK01',
    jira: '5f8a1c2b3d4e5f6a7b8c9d03',
    relationship: 'internal',
    circle: 'support-staff',
    role: 'Facilities Coordinator',
    team: 'Facilities',
    thankPreference: 'publicly',
  },
  aisha: {
    name: 'Aisha Khan',
    email: 'aisha.khan@brightwater.example',
    slack: 'U03AISHA01',
    jira: '5f8a1c2b3d4e5f6a7b8c9d04',
    relationship: 'internal',
    circle: 'support-staff',
    role: 'IT Support Specialist',
    team: 'IT',
    thankPreference: 'privately',
  },
  marcus: {
    name: 'Marcus Lee',
    email: 'marcus.lee@brightwater.example',
    slack: 'U04MARCUS1',
    jira: '5f8a1c2b3d4e5f6a7b8c9d05',
    relationship: 'internal',
    circle: 'support-staff',
    role: 'Loading Dock Supervisor',
    team: 'Warehouse',
    thankPreference: 'via-manager',
    notes: 'Runs the night shift on dock 4. His manager is Grace in Warehouse.',
  },
  kofi: {
    name: 'Kofi Mensah',
    slack: 'U04KOFIM01',
    relationship: 'internal',
    circle: 'support-staff',
    role: 'Night Security',
    team: 'Facilities',
  },
  // Customers and partners.
  dana: {
    name: 'Dana Kim',
    email: 'dana.kim@globex.example',
    slack: 'U07GLBXDK1',
    relationship: 'external',
    circle: 'customer',
    role: 'Supply Chain Manager',
    team: 'Globex',
  },
  marco: {
    name: 'Marco Rossi',
    email: 'marco.rossi@globex.example',
    slack: 'U07GLBXMR1',
    relationship: 'external',
    circle: 'customer',
    role: 'Procurement Lead',
    team: 'Globex',
  },
  hannah: {
    name: 'Hannah Schmidt',
    email: 'hannah.schmidt@initech.example',
    jira: '712020:initech-hannah-0001',
    relationship: 'external',
    circle: 'customer',
    role: 'Logistics Lead',
    team: 'Initech',
  },
  olivia: {
    name: 'Olivia Brown',
    email: 'olivia.brown@starkretail.example',
    relationship: 'external',
    circle: 'customer',
    role: 'Store Operations',
    team: 'Stark Retail',
  },
  ravi: {
    name: 'Ravi Patel',
    email: 'ravi.patel@umbrellafreight.example',
    relationship: 'external',
    circle: 'partner',
    role: 'Dispatcher',
    team: 'Umbrella Freight',
  },
} satisfies Record<string, CastMember>;

export type CastKey = keyof typeof CAST;

interface Scenario {
  tool?: Tool;
  kind: InteractionKind;
  /** Threaded conversations (mail, ticket, chat) carry the key the adapters make. */
  threadKey?: string;
  title: string;
  url?: string;
  people: CastKey[];
  /** How often it comes up, relative to the others. */
  weight: number;
  /** Days back (inclusive range) in which it is active. */
  from: number;
  to: number;
}

const gmailUrl = (id: string) => `https://mail.google.com/mail/u/0/#inbox/${id}`;
const jiraIssue = (key: string) => ({
  threadKey: `jira:${JIRA_HOST}:${key}`,
  url: `https://${JIRA_HOST}/browse/${key}`,
});
const slackChannel = (id: string) => ({
  threadKey: `slack:${SLACK_TEAM}:${id}`,
  url: `https://app.slack.com/client/${SLACK_TEAM}/${id}`,
});

/** Gmail thread ids: the demo inbox uses the same ones (demo/workplace/mail.html). */
export const GMAIL_THREADS = {
  pallets: '18f3a6c2d9b14e70',
  badges: '18f3a1b7c4e25d81',
  invoice: '18f39c0e5a7b3f92',
  laptop: '18f397d1b2c84a03',
  volumes: '18f3920f6e1d5b14',
  redlines: '18f38d2a9c3e6c25',
  pickup: '18f3884b0d5f7d36',
} as const;

const SCENARIOS: Scenario[] = [
  // Mail.
  {
    tool: 'gmail',
    kind: 'mail',
    threadKey: `gmail:${GMAIL_THREADS.pallets}`,
    title: 'Globex Q3 order – pallets held at dock 4',
    url: gmailUrl(GMAIL_THREADS.pallets),
    people: ['dana', 'marco', 'marcus', 'mei'],
    weight: 3,
    from: 6,
    to: 1,
  },
  {
    tool: 'gmail',
    kind: 'mail',
    threadKey: `gmail:${GMAIL_THREADS.badges}`,
    title: 'Visitor badges for Thursday’s Globex visit',
    url: gmailUrl(GMAIL_THREADS.badges),
    people: ['rosa', 'tom'],
    weight: 2,
    from: 9,
    to: 0,
  },
  {
    tool: 'gmail',
    kind: 'mail',
    threadKey: `gmail:${GMAIL_THREADS.invoice}`,
    title: 'Invoice 4471 – payment terms',
    url: gmailUrl(GMAIL_THREADS.invoice),
    people: ['hannah', 'priya'],
    weight: 2,
    from: 20,
    to: 2,
  },
  {
    tool: 'gmail',
    kind: 'mail',
    threadKey: `gmail:${GMAIL_THREADS.laptop}`,
    title: 'Laptop refresh – your slot on Friday',
    url: gmailUrl(GMAIL_THREADS.laptop),
    people: ['aisha'],
    weight: 1,
    from: 12,
    to: 0,
  },
  {
    tool: 'gmail',
    kind: 'mail',
    threadKey: `gmail:${GMAIL_THREADS.volumes}`,
    title: 'Stark Retail – weekly volumes',
    url: gmailUrl(GMAIL_THREADS.volumes),
    people: ['olivia', 'daniel'],
    weight: 3,
    from: 34,
    to: 0,
  },
  {
    tool: 'gmail',
    kind: 'mail',
    threadKey: `gmail:${GMAIL_THREADS.redlines}`,
    title: 'Globex MSA renewal – redlines',
    url: gmailUrl(GMAIL_THREADS.redlines),
    people: ['lucia', 'marco'],
    weight: 2,
    from: 30,
    to: 8,
  },
  {
    tool: 'gmail',
    kind: 'mail',
    threadKey: `gmail:${GMAIL_THREADS.pickup}`,
    title: 'Pickup window change next week',
    url: gmailUrl(GMAIL_THREADS.pickup),
    people: ['ravi', 'marcus'],
    weight: 2,
    from: 16,
    to: 3,
  },
  // Tickets.
  {
    tool: 'jira',
    kind: 'ticket',
    ...jiraIssue('OPS-214'),
    title: 'Dock 4 scanners drop off the Wi-Fi during the night shift',
    people: ['marcus', 'aisha', 'tom', 'jonas'],
    weight: 3,
    from: 8,
    to: 0,
  },
  {
    tool: 'jira',
    kind: 'ticket',
    ...jiraIssue('OPS-198'),
    title: 'Label printer at packing station 2 jams on thermal labels',
    people: ['aisha', 'marcus'],
    weight: 2,
    from: 27,
    to: 15,
  },
  {
    tool: 'jira',
    kind: 'ticket',
    ...jiraIssue('OPS-205'),
    title: 'Initech: ASN mismatch on inbound PO 88172',
    people: ['hannah', 'jonas'],
    weight: 2,
    from: 22,
    to: 5,
  },
  // Chat.
  {
    tool: 'slack',
    kind: 'chat',
    ...slackChannel('C07DOCKOPS1'),
    title: 'dock-ops',
    people: ['marcus', 'tom', 'jonas', 'kofi'],
    weight: 4,
    from: 34,
    to: 0,
  },
  {
    tool: 'slack',
    kind: 'chat',
    ...slackChannel('C07GLOBEX01'),
    title: 'ext-globex-shipments',
    people: ['dana', 'marco', 'mei'],
    weight: 4,
    from: 34,
    to: 0,
  },
  {
    tool: 'slack',
    kind: 'chat',
    ...slackChannel('D07MEITA001'),
    title: 'Mei Tanaka',
    people: ['mei'],
    weight: 2,
    from: 34,
    to: 0,
  },
  // Off-screen: logged by hand.
  {
    kind: 'in-person',
    title: 'Front desk: courier for the Stark samples',
    people: ['rosa'],
    weight: 1,
    from: 34,
    to: 0,
  },
  {
    kind: 'in-person',
    title: 'Walked dock 4 with Marcus',
    people: ['marcus'],
    weight: 1,
    from: 34,
    to: 0,
  },
  {
    kind: 'in-person',
    title: 'Meeting-room air conditioning fixed',
    people: ['tom'],
    weight: 1,
    from: 34,
    to: 10,
  },
  {
    kind: 'meeting',
    title: 'Pipeline review',
    people: ['daniel', 'mei'],
    weight: 1,
    from: 34,
    to: 0,
  },
  {
    kind: 'call',
    title: 'Weekly call with Stark Retail',
    people: ['olivia'],
    weight: 1,
    from: 34,
    to: 0,
  },
  {
    kind: 'call',
    title: 'Carrier slots for next week',
    people: ['ravi'],
    weight: 1,
    from: 34,
    to: 0,
  },
];

/** Days back, the person, what they did, what it made possible, how it was sent. */
const THANKS: Array<[number, CastKey, string, string, Appreciation['channel']]> = [
  [
    29,
    'aisha',
    'got my laptop back up in twenty minutes before the Globex pitch',
    'I walked in with the deck instead of an apology',
    'copied',
  ],
  [
    24,
    'rosa',
    'found a quiet room for the Stark visitors when ours was double-booked',
    'the meeting started on time and Olivia noticed',
    'in-person',
  ],
  [
    19,
    'priya',
    'turned the Initech credit note around the same day',
    'Hannah kept the shipment on schedule',
    'mailto',
  ],
  [
    17,
    'marcus',
    'stayed late to re-stack the Globex pallets',
    'the truck left at 6 and Dana got her stock on Monday',
    'inserted',
  ],
  [
    12,
    'tom',
    'had the dock door sensor fixed overnight',
    'the night shift loaded without a manual override',
    'copied',
  ],
  [
    8,
    'dana',
    'sent the corrected purchase order before her own deadline',
    'we could book the carrier a day early',
    'inserted',
  ],
  [
    4,
    'jonas',
    'rebuilt the ASN report for Initech on short notice',
    'Hannah closed her month-end without chasing us',
    'copied',
  ],
  [
    2,
    'mei',
    'covered the Globex stand-up while I was on the dock',
    'the customer heard from us at the usual time',
    'in-person',
  ],
];

/** A small seeded generator (mulberry32): the same seed, the same sequence. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A `YYYY-MM-DD` day at local midnight. */
function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The local time `hour:minute` on the day `back` days before `today`. */
function at(today: Date, back: number, hour: number, minute: number): number {
  return new Date(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() - back,
    hour,
    minute,
  ).getTime();
}

/**
 * The sample history for `today` (local midnight is what counts). Everything happens before
 * 08:45 on `today` itself, so running the demo any time after breakfast shows no future entries.
 */
export function generateHistory(today: Date = new Date()): ExportFile {
  const midnight = parseDay(localDay(today.getTime(), ''));
  const random = seeded(Number(localDay(midnight.getTime(), '').replaceAll('-', '')));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const idAt = (time: number): string => {
    let rest = '';
    for (let i = 0; i < 16; i++) rest += CROCKFORD[Math.floor(random() * 32)];
    return encodeTime(time, 10) + rest;
  };

  const DAYS = 34;
  const createdAt = at(midnight, DAYS + 3, 9, 0);
  const people = new Map<CastKey, Person>();
  for (const [key, member] of Object.entries(CAST) as Array<[CastKey, CastMember]>) {
    const handles = [
      ...(member.slack ? [`slack:${member.slack}`] : []),
      ...(member.jira ? [`jira:${member.jira}`] : []),
    ];
    people.set(key, {
      id: idAt(createdAt),
      name: member.name,
      emails: member.email ? [member.email] : [],
      handles,
      relationship: member.relationship,
      // Company addresses classify themselves; the rest were tagged once by hand.
      relationshipSource: member.email ? 'rule' : 'manual',
      circle: member.circle,
      role: member.role,
      team: member.team,
      ...(member.thankPreference ? { thankPreference: member.thankPreference } : {}),
      ...(member.notes ? { notes: member.notes } : {}),
      createdAt,
      updatedAt: createdAt,
    });
  }
  const person = (key: CastKey): Person => people.get(key)!;

  const interactions: Interaction[] = [];
  const dedupe = new Set<string>();
  const log = (scenario: Scenario, key: CastKey, time: number): Interaction | undefined => {
    const p = person(key);
    const day = localDay(time, '');
    const id = idAt(time);
    const dedupeKey = scenario.threadKey ? `${scenario.threadKey}|${p.id}|${day}` : id;
    if (dedupe.has(dedupeKey)) return undefined;
    dedupe.add(dedupeKey);
    const interaction: Interaction = {
      id,
      at: time,
      day,
      personId: p.id,
      relationship: p.relationship,
      relationshipPinned: false,
      ...(scenario.tool ? { tool: scenario.tool } : {}),
      kind: scenario.kind,
      ...(scenario.threadKey ? { threadKey: scenario.threadKey } : {}),
      title: scenario.title,
      ...(scenario.url ? { url: scenario.url } : {}),
      source: scenario.threadKey ? 'detected' : 'manual',
      dedupeKey,
    };
    interactions.push(interaction);
    return interaction;
  };

  for (let back = DAYS; back >= 0; back--) {
    const date = new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() - back);
    const weekday = date.getDay();
    if (weekday === 0 || weekday === 6) continue;
    const active = SCENARIOS.filter((s) => back <= s.from && back >= s.to);
    const total = active.reduce((sum, s) => sum + s.weight, 0);
    // Today only has the early morning so far.
    const count = back === 0 ? 3 : 4 + Math.floor(random() * 4);
    for (let n = 0; n < count; n++) {
      let roll = random() * total;
      const scenario = active.find((s) => (roll -= s.weight) < 0) ?? active[0]!;
      const hour = back === 0 ? 7 + Math.floor(random() * 2) : 8 + Math.floor(random() * 9);
      const minute = back === 0 ? Math.floor(random() * 45) : Math.floor(random() * 60);
      const time = at(midnight, back, hour, minute);
      const who = scenario.people.filter(() => random() < 0.7);
      for (const key of who.length ? who : [pick(scenario.people)]) log(scenario, key, time);
    }
  }

  const appreciations: Appreciation[] = [];
  for (const [back, key, whatTheyDid, whatItMadePossible, channel] of THANKS) {
    const p = person(key);
    const time = at(midnight, back, 16, 20 + back);
    const from = [...interactions]
      .reverse()
      .find((i) => i.personId === p.id && i.at <= time && i.threadKey);
    const first = p.name.split(' ')[0];
    appreciations.push({
      id: idAt(time),
      at: time,
      personId: p.id,
      message: `Thank you, ${first}: you ${whatTheyDid}, and ${whatItMadePossible}.`,
      whatTheyDid,
      whatItMadePossible,
      channel,
      ...(from ? { interactionId: from.id } : {}),
    });
  }

  const checkIns: CheckIn[] = [
    {
      id: idAt(at(midnight, 18, 10, 15)),
      personId: person('rosa').id,
      askedAt: at(midnight, 18, 10, 15),
      answer: 'A heads-up the day before a big visitor group, so I can print badges early.',
      commitment: 'Send visitor lists by Tuesday noon',
      followUpOn: localDay(at(midnight, 11, 12, 0), ''),
      delivered: true,
      deliveredAt: at(midnight, 11, 11, 40),
    },
    {
      id: idAt(at(midnight, 6, 14, 30)),
      personId: person('marcus').id,
      askedAt: at(midnight, 6, 14, 30),
      answer: 'Pickup windows that change the same day wreck the night-shift plan.',
      commitment: 'Confirm carrier windows with Ravi by 2 pm the day before',
      followUpOn: localDay(at(midnight, 0, 12, 0), ''),
      delivered: false,
    },
  ];

  interactions.sort((a, b) => a.at - b.at);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: at(midnight, 0, 8, 45),
    people: [...people.values()],
    interactions,
    appreciations,
    checkIns,
  };
}

/** Writes the history for `today` to demo/sample-history.json, checked by the real importer. */
export async function writeHistory(today: Date = new Date(), file = HISTORY_FILE): Promise<string> {
  const history = generateHistory(today);
  const text = JSON.stringify(history, null, 2);
  const parsed = parseImport(text, english);
  if (!parsed.ok)
    throw new Error(`The sample history does not import:\n${parsed.problems.join('\n')}`);
  // Formatted as prettier would, so `npm run lint` stays quiet about the committed file.
  const { format } = await import('prettier');
  writeFileSync(file, await format(text, { parser: 'json' }));
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const day = process.argv[2];
  const file = await writeHistory(day ? parseDay(day) : new Date());
  console.log(`Wrote ${file}`);
}

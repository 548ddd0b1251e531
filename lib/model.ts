/**
 * The model: every record that enters the store, crosses a message border or comes in from
 * an import file is parsed by one of these schemas first. Types are inferred from them.
 *
 * Ids are ULIDs (time-prefixed, so they sort by creation); timestamps are epoch milliseconds.
 */
import { monotonicFactory } from 'ulid';
import { z } from 'zod';
import { DEFAULT_SETTINGS as DEFAULTS } from './defaults';
import { TOOLS } from './sites';

export { TOOLS, type Tool } from './sites';

// Extension pages forbid eval: tell zod not to try compiling parsers with `new Function`.
z.config({ jitless: true });

const ulid = monotonicFactory();
/** A new sortable id: ids made later sort after ids made earlier. */
export function newId(now: number = Date.now()): string {
  return ulid(now);
}

export const RELATIONSHIPS = ['internal', 'external', 'unknown'] as const;
export const RELATIONSHIP_SOURCES = ['rule', 'manual', 'tool'] as const;
export const CIRCLES = [
  'own-team',
  'other-department',
  'support-staff',
  'customer',
  'partner',
] as const;
export const THANK_PREFERENCES = ['privately', 'publicly', 'in-writing', 'via-manager'] as const;
export const CONVERSATION_KINDS = ['mail', 'ticket', 'chat'] as const;
export const INTERACTION_KINDS = [...CONVERSATION_KINDS, 'meeting', 'in-person', 'call'] as const;
export const INTERACTION_SOURCES = ['detected', 'manual'] as const;
export const APPRECIATION_CHANNELS = ['copied', 'mailto', 'inserted', 'in-person'] as const;
export const PARTICIPANT_ROLES = [
  'sender',
  'recipient',
  'cc',
  'requester',
  'assignee',
  'author',
  'member',
  'mention',
] as const;

export const ToolSchema = z.enum(TOOLS);
export const RelationshipSchema = z.enum(RELATIONSHIPS);
export type Relationship = z.infer<typeof RelationshipSchema>;
export const RelationshipSourceSchema = z.enum(RELATIONSHIP_SOURCES);
export type RelationshipSource = z.infer<typeof RelationshipSourceSchema>;
export const CircleSchema = z.enum(CIRCLES);
export type Circle = z.infer<typeof CircleSchema>;
export const InteractionKindSchema = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;
export const ConversationKindSchema = z.enum(CONVERSATION_KINDS);
export type ConversationKind = z.infer<typeof ConversationKindSchema>;

const MAX_TEXT = 2_000;
const MAX_NOTE = 10_000;

export const IdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
export const TimestampSchema = z.number().int().nonnegative().max(8.64e15);
/** A calendar day, `YYYY-MM-DD`, in the user's time zone. */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD day');
export const EmailSchema = z
  .string()
  .trim()
  .max(320)
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }));
/** A per-tool handle, written `tool:value` (e.g. `slack:U024BE7LH`, `github:octocat`). */
export const HandleSchema = z
  .string()
  .max(300)
  .regex(new RegExp(`^(${TOOLS.join('|')}):\\S+$`), 'must look like tool:value');
const UrlSchema = z.url({ protocol: /^https?$/ }).max(4_000);

export const PersonSchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1, 'a person needs a name').max(200),
  emails: z.array(EmailSchema).max(50).default([]),
  handles: z.array(HandleSchema).max(50).default([]),
  relationship: RelationshipSchema.default('unknown'),
  relationshipSource: RelationshipSourceSchema.default('rule'),
  circle: CircleSchema.optional(),
  role: z.string().max(200).optional(),
  team: z.string().max(200).optional(),
  thankPreference: z.enum(THANK_PREFERENCES).optional(),
  notes: z.string().max(MAX_NOTE).optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export const InteractionSchema = z.strictObject({
  id: IdSchema,
  at: TimestampSchema,
  /** The user's local day of `at`: with threadKey and personId it makes the dedupe key. */
  day: DaySchema,
  personId: IdSchema,
  relationship: RelationshipSchema,
  /** True when this one interaction was re-tagged by hand: correcting the person leaves it alone. */
  relationshipPinned: z.boolean().default(false),
  tool: ToolSchema.optional(),
  kind: InteractionKindSchema,
  threadKey: z.string().min(1).max(1_000).optional(),
  title: z.string().max(1_000).optional(),
  url: UrlSchema.optional(),
  source: z.enum(INTERACTION_SOURCES),
  note: z.string().max(MAX_NOTE).optional(),
  /** Unique: `thread|person|day` for threaded interactions, the id otherwise. */
  dedupeKey: z.string().min(1).max(1_200),
  /** When it last changed (re-tag, edit); older exports lack it, and then `at` stands in. */
  updatedAt: TimestampSchema.optional(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const AppreciationSchema = z.strictObject({
  id: IdSchema,
  at: TimestampSchema,
  personId: IdSchema,
  message: z.string().max(500, 'a thank-you is at most 500 characters').default(''),
  whatTheyDid: z.string().max(MAX_TEXT).optional(),
  whatItMadePossible: z.string().max(MAX_TEXT).optional(),
  /** How it was first delivered. */
  channel: z.enum(APPRECIATION_CHANNELS),
  /** Every way the same thank-you was delivered (copied, then emailed…): one record, not several. */
  channels: z.array(z.enum(APPRECIATION_CHANNELS)).max(APPRECIATION_CHANNELS.length).optional(),
  interactionId: IdSchema.optional(),
});
export type Appreciation = z.infer<typeof AppreciationSchema>;

/** Every way a thank-you was delivered, oldest first (records from before `channels` have one). */
export function channelsOf(appreciation: Appreciation): Appreciation['channel'][] {
  return appreciation.channels?.length ? appreciation.channels : [appreciation.channel];
}

export const CheckInSchema = z.strictObject({
  id: IdSchema,
  personId: IdSchema,
  askedAt: TimestampSchema,
  answer: z.string().max(MAX_NOTE).default(''),
  commitment: z.string().max(MAX_TEXT).default(''),
  followUpOn: DaySchema.optional(),
  delivered: z.boolean().default(false),
  deliveredAt: TimestampSchema.optional(),
  /** When it last changed; older exports lack it, and then the latest date it holds stands in. */
  updatedAt: TimestampSchema.optional(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain');

/** Each is an item of its own in storage.sync (lib/settings-sync.ts), which holds 512 at most. */
export const MAX_CUSTOM_DOMAINS = 200;

/** Each field's default is DEFAULT_SETTINGS's (lib/defaults.ts, zod-free for the popup). */
export const SettingsSchema = z.strictObject({
  version: z.literal(1).default(DEFAULTS.version),
  orgDomains: z.array(DomainSchema).max(100).default(DEFAULTS.orgDomains),
  /** 0 = Sunday … 6 = Saturday, as date-fns counts. */
  weekStartsOn: z.number().int().min(0).max(6).default(DEFAULTS.weekStartsOn),
  /** IANA time zone; empty means the browser's own. */
  timeZone: z.string().max(100).default(DEFAULTS.timeZone),
  /** The internal share of interactions that counts as balanced. */
  band: z
    .strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) })
    .refine((b) => b.min <= b.max, 'the band minimum must not exceed its maximum')
    .default(DEFAULTS.band),
  weeklyThankGoal: z.number().int().min(0).max(100).default(DEFAULTS.weeklyThankGoal),
  reminderDays: z.array(z.number().int().min(0).max(6)).max(7).default(DEFAULTS.reminderDays),
  reminderTime: TimeOfDaySchema.default(DEFAULTS.reminderTime),
  quietHours: z
    .strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema })
    .default(DEFAULTS.quietHours),
  sites: z.partialRecord(ToolSchema, z.boolean()).default(DEFAULTS.sites),
  customDomains: z
    .array(z.strictObject({ tool: ToolSchema, origin: UrlSchema }))
    .max(MAX_CUSTOM_DOMAINS)
    .default(DEFAULTS.customDomains),
  autoLog: z.enum(['after-open', 'manual']).default(DEFAULTS.autoLog),
  autoLogDelaySeconds: z.number().int().min(0).max(600).default(DEFAULTS.autoLogDelaySeconds),
});
export type Settings = z.infer<typeof SettingsSchema>;
/** The same object as lib/defaults.ts's, typed by the schema. */
export const DEFAULT_SETTINGS: Settings = DEFAULTS;

/** One person as a tool's page shows them. */
export const ParticipantSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: EmailSchema.optional(),
  handle: HandleSchema.optional(),
  role: z.enum(PARTICIPANT_ROLES),
  /** What the tool itself says: a Zendesk end user, a Slack Connect or Teams "External" badge. */
  signal: z.enum(['internal', 'external']).optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** What an adapter reads off the page: the open conversation and who is in it. */
export const ConversationSchema = z.strictObject({
  tool: ToolSchema,
  kind: ConversationKindSchema,
  threadKey: z.string().min(1).max(1_000),
  title: z.string().max(1_000),
  url: UrlSchema,
  participants: z.array(ParticipantSchema).max(500),
  /**
   * The signed-in user, when the page shows them; never among the participants. The handle is
   * the tool's own id of them, where the page carries it (Slack's user id, a Jira account id).
   */
  self: z
    .strictObject({
      name: z.string().max(200).optional(),
      email: EmailSchema.optional(),
      handle: HandleSchema.optional(),
    })
    .optional(),
  /**
   * Whether the user takes part (wrote, commented, is assigned or asked to review), where the
   * tool lets anyone read a thread (GitHub): reading one is not an interaction. Absent: the
   * tool shows only the user's own conversations.
   */
  userTakesPart: z.boolean().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Turns a zod error into one readable line per problem: `path: message`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

/** Thrown when a record fails its schema: nothing has been written. */
export class ValidationError extends Error {
  constructor(
    readonly what: string,
    readonly problems: string[],
  ) {
    super(`Invalid ${what}: ${problems.join('; ')}`);
    this.name = 'ValidationError';
  }
}

/** Parses `input` with `schema`, or throws a ValidationError naming every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string) {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(what, describeIssues(result.error));
  return result.data as z.infer<S>;
}

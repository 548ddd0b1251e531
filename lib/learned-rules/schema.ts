/**
 * The learned rule's schema, and its file: what may be stored or imported. Every string a rule
 * holds is a name from a fixed list or a value of a structural shape (a test id, a role, a link's
 * first path segment): spaces, `@`, digit runs and quotes are impossible, so a person's name,
 * address or id cannot be stored in one. (A single word could still pass as a test id; the
 * derivation drops every value that mentions what the chosen elements show.)
 */
import { z } from 'zod';
import { ToolSchema } from '../model';
import {
  ATTRIBUTE_NAME,
  EMAIL_ATTRIBUTES,
  LINK_ATTRIBUTES,
  LINK_PREFIX,
  MAX_PEOPLE,
  NAME_ATTRIBUTES,
  SEMANTIC_CLASS,
  STRUCTURAL_VALUE,
  TAG,
  VALUE_ATTRIBUTES,
  partsProblem,
  type LearnedRule,
  type RuleProblem,
} from './rule';

const AttributeTestSchema = z.discriminatedUnion('op', [
  z.strictObject({
    name: z.string().regex(ATTRIBUTE_NAME).max(60),
    op: z.literal('present'),
  }),
  z.strictObject({
    name: z.enum(VALUE_ATTRIBUTES),
    op: z.literal('equals'),
    value: z.string().regex(STRUCTURAL_VALUE),
  }),
  z.strictObject({
    name: z.enum(LINK_ATTRIBUTES),
    op: z.literal('prefix'),
    value: z.string().regex(LINK_PREFIX),
  }),
]);

const StepSchema = z.strictObject({
  tag: z.string().regex(TAG).optional(),
  attributes: z.array(AttributeTestSchema).max(12),
  classes: z.array(z.string().min(4).max(40).regex(SEMANTIC_CLASS)).max(6),
});

export const PeopleRuleSchema = z.strictObject({
  container: StepSchema,
  item: StepSchema.optional(),
  person: StepSchema,
  nameFrom: z.enum(['text', ...NAME_ATTRIBUTES]),
  emailFrom: z.enum(EMAIL_ATTRIBUTES).optional(),
});

export const ThreadRuleSchema = z.strictObject({
  container: StepSchema.optional(),
  title: z.strictObject({ within: StepSchema.optional(), element: StepSchema }).optional(),
});

/** What the content script is given to read with: a rule's parts, without its history. */
export const RulePartsSchema = z.strictObject({
  people: PeopleRuleSchema.optional(),
  thread: ThreadRuleSchema.optional(),
});

const Time = z.number().int().nonnegative().max(8.64e15);

export const LearnedRuleSchema = z.strictObject({
  version: z.literal(1),
  tool: ToolSchema,
  host: z
    .string()
    .max(253)
    .regex(
      /^(?=.*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    ),
  people: PeopleRuleSchema.optional(),
  thread: ThreadRuleSchema.optional(),
  learnedAt: Time,
  lastMatchedAt: Time.optional(),
  lastCount: z.number().int().min(0).max(MAX_PEOPLE).optional(),
  missedAt: Time.optional(),
});

export const RULES_FILE_FORMAT = 'inside-out-learned-rules';

const RulesFileSchema = z.strictObject({
  format: z.literal(RULES_FILE_FORMAT),
  version: z.literal(1),
  rules: z.array(LearnedRuleSchema).max(200),
});

/** The stored rules, each checked on its own: one damaged entry does not hide the others. */
export function parseStoredRules(input: unknown): LearnedRule[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((raw) => {
    const parsed = LearnedRuleSchema.safeParse(raw);
    return parsed.success && !partsProblem(parsed.data) ? [parsed.data as LearnedRule] : [];
  });
}

export function rulesFile(rules: readonly LearnedRule[]): string {
  return JSON.stringify({ format: RULES_FILE_FORMAT, version: 1, rules }, null, 2);
}

export type ImportProblem =
  | { problem: 'too-large' | 'not-json' | 'not-rules' | 'empty' }
  | { problem: RuleProblem; tool: string; host: string };

export type ImportResult =
  | { ok: true; rules: LearnedRule[]; added: LearnedRule[]; kept: LearnedRule[] }
  | ({ ok: false } & ImportProblem);

const MAX_FILE = 1_000_000;

/**
 * The rules after importing a file: all of it, or nothing. A rule for a tool and host that
 * already has one is not imported (the one the user has is never lost); remove it first.
 */
export function importRules(existing: readonly LearnedRule[], text: string): ImportResult {
  if (text.length > MAX_FILE) return { ok: false, problem: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const parsed = RulesFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'not-rules' };
  const incoming = parsed.data.rules as LearnedRule[];
  if (!incoming.length) return { ok: false, problem: 'empty' };
  for (const rule of incoming) {
    const problem = partsProblem(rule);
    if (problem) return { ok: false, problem, tool: rule.tool, host: rule.host };
  }
  const added: LearnedRule[] = [];
  const kept: LearnedRule[] = [];
  const rules = [...existing];
  for (const rule of incoming) {
    if (rules.some((r) => r.tool === rule.tool && r.host === rule.host)) kept.push(rule);
    else {
      // What it read elsewhere says nothing about this browser's pages.
      const fresh: LearnedRule = { ...rule };
      delete fresh.lastMatchedAt;
      delete fresh.lastCount;
      delete fresh.missedAt;
      rules.push(fresh);
      added.push(fresh);
    }
  }
  return { ok: true, rules, added, kept };
}

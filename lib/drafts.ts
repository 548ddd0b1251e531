/**
 * The thank-you being written, kept while the sidebar is closed (in the browser's session
 * storage: never on disk, gone when the browser closes). Read back through its schema, as
 * anything stored is.
 */
import { z } from 'zod';
import { IdSchema } from './model';
import type { TemplateId } from './templates';

const TONES = ['quick', 'manager', 'family', 'supporting-cast'] as const satisfies TemplateId[];

export const ComposerDraftSchema = z.strictObject({
  personId: IdSchema,
  tone: z.enum(TONES),
  whatTheyDid: z.string().max(300),
  whatItMadePossible: z.string().max(300),
  /** The message as the user edited it; absent while it follows the template. */
  edited: z.string().max(500).optional(),
  managerEmail: z.string().max(320).optional(),
  /** The thank-you already delivered once: further channels update it. */
  appreciationId: IdSchema.optional(),
});
export type ComposerDraft = z.infer<typeof ComposerDraftSchema>;

export function readDraft(stored: unknown): ComposerDraft | undefined {
  const parsed = ComposerDraftSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

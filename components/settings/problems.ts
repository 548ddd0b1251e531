/** What is wrong with a settings field, in the user's words (nothing is saved while it is). */
import { SettingsSchema } from '@/lib/model';
import { t } from '@/platform';

/** The first entry that is not a domain, named. */
export function domainsProblem(domains: readonly string[]): string | undefined {
  const bad = domains.find((d) => !SettingsSchema.shape.orgDomains.safeParse([d]).success);
  if (bad) return t('optionsDomainProblem', bad);
  if (!SettingsSchema.shape.orgDomains.safeParse(domains).success)
    return t('optionsTooManyDomainsProblem');
  return undefined;
}

/** A whole number from `min` to `max`, or why not. */
export function numberProblem(text: string, min: number, max: number): string | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : t('optionsNumberProblem', min, max);
}

import { useMemo } from 'preact/hooks';
import { classify } from '@/lib/classify';
import type { Person } from '@/lib/model';
import { countText } from '@/lib/i18n';
import { domainsFromText } from '@/lib/settings';
import { t } from '@/platform';

export interface OrgDomainsFieldProps {
  /** The field's text: domains one per line (or separated by spaces or commas). */
  text: string;
  onText(text: string): void;
  /** The field was left (blur): a good moment to save what it holds. */
  onCommit?(): void;
  /** The people the log knows, for the preview of how these domains would sort them. */
  people: readonly Person[];
  /** Domains the tools showed the user signed in with, offered in one click. */
  suggested: readonly string[];
  /** What is wrong with the text, said beside the field (and nothing saved). */
  problem?: string;
}

/**
 * The organisation's domains, with a live preview of how they would sort the people the log
 * already knows (a choice made by hand always stays). Used by the settings and the welcome.
 */
export function OrgDomainsField({
  text,
  onText,
  onCommit,
  people,
  suggested,
  problem,
}: OrgDomainsFieldProps) {
  const domains = domainsFromText(text);
  const preview = useMemo(() => {
    const counts = { internal: 0, external: 0, unknown: 0 };
    for (const p of people) {
      const result = classify(
        { email: p.emails[0] },
        domains,
        p.relationshipSource === 'rule'
          ? undefined
          : { relationship: p.relationship, source: p.relationshipSource },
      );
      counts[result.relationship]++;
    }
    return counts;
  }, [people, text]);

  return (
    <>
      <label>
        {t('optionsOrgDomains')}
        <textarea
          data-testid="org-domains"
          rows={3}
          spellcheck={false}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'org-domains-problem' : undefined}
          onInput={(e) => onText(e.currentTarget.value)}
          onBlur={() => onCommit?.()}
          placeholder={t('optionsOrgDomainsPlaceholder')}
        />
      </label>
      {problem && (
        <p id="org-domains-problem" class="error" data-testid="org-domains-problem">
          {problem}
        </p>
      )}
      {suggested
        .filter((d) => !domains.includes(d))
        .map((d) => (
          <button key={d} type="button" onClick={() => onText([...domains, d].join('\n'))}>
            {t('optionsAddSuggestedDomain', d)}
          </button>
        ))}
      {people.length > 0 && (
        <p class="hint" data-testid="classification-preview">
          {t(
            'optionsPreview',
            countText(t, people.length, 'commonPeopleOne', 'commonPeopleOther'),
            preview.internal,
            preview.external,
            preview.unknown,
          )}
        </p>
      )}
    </>
  );
}

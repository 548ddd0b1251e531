import { useState } from 'preact/hooks';
import { formatDate } from '@/lib/dates';
import type { MessageKey } from '@/lib/i18n';
import type { LearnedRule } from '@/lib/learned-rules/rule';
import { rulesFile, type ImportProblem } from '@/lib/learned-rules/schema';
import { TOOL_LABELS } from '@/lib/sites';
import { t, uiLocale } from '@/platform';
import { importRulesFile, removeRule, tryRuleInTab } from '@/platform/learned-rules';
import { save } from './DataControls';
import { useLearnedRules } from '../shared/hooks';
import { JsonFileInput } from './JsonFileInput';

const IMPORT_PROBLEM: Record<ImportProblem['problem'], MessageKey> = {
  'too-large': 'rulesImportTooLarge',
  'not-json': 'rulesImportNotJson',
  'not-rules': 'rulesImportNotRules',
  empty: 'rulesImportEmpty',
  'whole-page': 'rulesImportWholePage',
  'no-structure': 'rulesImportNoStructure',
};

const when = (at: number | undefined) =>
  at === undefined ? t('rulesNever') : formatDate('moment', at, uiLocale());

/**
 * What the user taught Inside Out about tools' pages: each rule with when it was learned and
 * last read someone, tried on an open tab, removed, and shared as a file.
 */
export function LearnedRules() {
  const rules = useLearnedRules();
  const [status, setStatus] = useState('');

  async function tryRule(rule: LearnedRule) {
    const reply = await tryRuleInTab(rule);
    if (!reply) setStatus(t('rulesTryNoTab', rule.host));
    else if (reply.refused) setStatus(t('rulesTryTooMany', rule.host));
    else if (!reply.names.length) setStatus(t('rulesTryNobody', rule.host));
    else setStatus(t('rulesTryReads', rule.host, reply.names.join(', ')));
  }

  async function remove(rule: LearnedRule) {
    await removeRule(rule.tool, rule.host);
    setStatus(t('rulesRemoved', TOOL_LABELS[rule.tool], rule.host));
  }

  async function upload(text: string) {
    const result = await importRulesFile(text);
    if (!result.ok) {
      const reason = t(IMPORT_PROBLEM[result.problem]);
      setStatus(
        'host' in result
          ? t('rulesImportRefusedRule', result.host, reason)
          : t('rulesImportRefused', reason),
      );
    } else setStatus(t('rulesImported', result.added.length, result.kept.length));
  }

  return (
    <section aria-labelledby="learned-rules" class="data">
      <h2 id="learned-rules">{t('rulesHeading')}</h2>
      <p class="hint">{t('rulesHint')}</p>
      {rules.length === 0 ? (
        <p class="empty" data-testid="learned-rules-empty">
          {t('rulesNone')}
        </p>
      ) : (
        <ul class="people" aria-labelledby="learned-rules">
          {rules.map((rule) => (
            <li
              key={`${rule.tool}:${rule.host}`}
              data-testid="learned-rule"
              data-tool={rule.tool}
              data-host={rule.host}
            >
              <div class="who">
                <strong>
                  {TOOL_LABELS[rule.tool]} · {rule.host}
                </strong>
                <span class="meta">
                  {t('rulesLearned', when(rule.learnedAt))} ·{' '}
                  {t('rulesLastMatched', when(rule.lastMatchedAt), rule.lastCount ?? 0)}
                </span>
              </div>
              <div class="actions">
                <button
                  type="button"
                  data-testid="learned-rule-try"
                  onClick={() => void tryRule(rule)}
                >
                  {t('rulesTry')}
                </button>
                <button
                  type="button"
                  data-testid="learned-rule-remove"
                  aria-label={t('rulesRemoveLabel', TOOL_LABELS[rule.tool], rule.host)}
                  onClick={() => void remove(rule)}
                >
                  {t('rulesRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button
          type="button"
          data-testid="learned-rules-export"
          disabled={!rules.length}
          onClick={() =>
            save('inside-out-learned-rules.json', 'application/json', rulesFile(rules))
          }
        >
          {t('rulesExport')}
        </button>
        <JsonFileInput label={t('rulesImport')} testid="learned-rules-import" onText={upload} />
      </div>
      <p role="status" data-testid="learned-rules-status">
        {status}
      </p>
    </section>
  );
}

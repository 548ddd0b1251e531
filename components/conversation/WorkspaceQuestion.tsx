import type { WorkspaceState } from '@/lib/messages';
import { TOOL_LABELS } from '@/lib/sites';
import { t } from '@/platform/core';

/**
 * "Is acme.zendesk.com your workplace's Zendesk?": asked once per workspace on a host anyone can
 * create a site on, before anything there is logged without a click. The answer is the user's;
 * the page cannot give it.
 */
export function WorkspaceQuestion(props: {
  workspace: WorkspaceState;
  onAnswer(log: boolean): void;
}) {
  const { workspace, onAnswer } = props;
  return (
    <section class="prompt" data-testid="workspace-question" aria-labelledby="workspace-question">
      <p id="workspace-question">
        <strong>{t('workspaceQuestion', workspace.host, TOOL_LABELS[workspace.tool])}</strong>
      </p>
      <p>{t('workspaceQuestionHint')}</p>
      <button type="button" data-testid="workspace-yes" onClick={() => onAnswer(true)}>
        {t('workspaceYes')}
      </button>{' '}
      <button type="button" data-testid="workspace-no" onClick={() => onAnswer(false)}>
        {t('workspaceNo')}
      </button>
    </section>
  );
}

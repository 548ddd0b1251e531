import { jira } from '@/lib/adapters/jira';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...jira.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(jira, ctx.signal),
});

import { jira } from '@/lib/adapters/jira';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...jira.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(jira, ctx.signal),
});

import { slack } from '@/lib/adapters/slack';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...slack.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(slack, ctx.signal),
});

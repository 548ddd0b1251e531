import { slack } from '@/lib/adapters/slack';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...slack.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(slack, ctx.signal),
});

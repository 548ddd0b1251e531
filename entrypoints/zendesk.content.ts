import { zendesk } from '@/lib/adapters/zendesk';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...zendesk.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(zendesk, ctx.signal),
});

import { zendesk } from '@/lib/adapters/zendesk';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...zendesk.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(zendesk, ctx.signal),
});

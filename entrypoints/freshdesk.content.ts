import { freshdesk } from '@/lib/adapters/freshdesk';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...freshdesk.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(freshdesk, ctx.signal),
});

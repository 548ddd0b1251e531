import { outlook } from '@/lib/adapters/outlook';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...outlook.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(outlook, ctx.signal),
});

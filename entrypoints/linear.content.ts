import { linear } from '@/lib/adapters/linear';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...linear.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(linear, ctx.signal),
});

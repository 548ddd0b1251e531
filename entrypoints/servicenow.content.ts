import { servicenow } from '@/lib/adapters/servicenow';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...servicenow.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(servicenow, ctx.signal),
});

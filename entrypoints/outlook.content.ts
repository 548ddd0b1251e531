import { outlook } from '@/lib/adapters/outlook';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...outlook.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(outlook, ctx.signal),
});

import { linear } from '@/lib/adapters/linear';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...linear.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(linear, ctx.signal),
});

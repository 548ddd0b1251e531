import { servicenow } from '@/lib/adapters/servicenow';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...servicenow.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(servicenow, ctx.signal),
});

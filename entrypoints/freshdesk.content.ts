import { freshdesk } from '@/lib/adapters/freshdesk';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...freshdesk.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(freshdesk, ctx.signal),
});

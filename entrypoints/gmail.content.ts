import { gmail } from '@/lib/adapters/gmail';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...gmail.matches],
  // Google Chat inside Gmail has its own script.
  excludeMatches: ['https://mail.google.com/chat/*'],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(gmail, ctx.signal),
});

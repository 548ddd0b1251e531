import { gmail } from '@/lib/adapters/gmail';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...gmail.matches],
  // Google Chat inside Gmail has its own script.
  excludeMatches: ['https://mail.google.com/chat/*'],
  runAt: 'document_idle',
  main: (ctx) => runInPage(gmail, ctx.signal),
});

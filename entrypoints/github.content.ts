import { github } from '@/lib/adapters/github';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...github.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(github, ctx.signal),
});

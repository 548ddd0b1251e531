import { github } from '@/lib/adapters/github';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...github.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(github, ctx.signal),
});

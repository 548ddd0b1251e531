import { teams } from '@/lib/adapters/teams';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...teams.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(teams, ctx.signal),
});

import { teams } from '@/lib/adapters/teams';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...teams.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(teams, ctx.signal),
});

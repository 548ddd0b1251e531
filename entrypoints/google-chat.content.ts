import { googleChat } from '@/lib/adapters/google-chat';
import { runWorkplace } from '@/platform/workplace';

export default defineContentScript({
  matches: [...googleChat.matches],
  runAt: 'document_idle',
  main: (ctx) => runWorkplace(googleChat, ctx.signal),
});

import { googleChat } from '@/lib/adapters/google-chat';
import { runInPage } from '@/platform/in-page';

export default defineContentScript({
  matches: [...googleChat.matches],
  runAt: 'document_idle',
  main: (ctx) => runInPage(googleChat, ctx.signal),
});

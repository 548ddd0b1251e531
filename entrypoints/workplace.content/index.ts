import { ALL_TOOL_MATCHES } from '@/lib/sites';

export default defineContentScript({
  matches: ALL_TOOL_MATCHES,
  runAt: 'document_idle',
  main() {
    // TEMPORARY (e2e harness, issue 3): a bare mount so the browser tests can see the content
    // script run. The lead replaces this with the real UI (same element, open shadow root).
    if (document.querySelector('inside-out-root')) return;
    const root = document.createElement('inside-out-root');
    root.attachShadow({ mode: 'open' });
    document.documentElement.append(root);
  },
});

/**
 * Picking people on the page. Loaded into the page only when the user starts picking (the
 * background injects the separate `picker.js`), so the content script stays small.
 *
 * While it runs, a click chooses the element under the pointer instead of reaching the page
 * (capture-phase listeners that stop the event), Escape cancels, and the arrow keys and Enter
 * move between likely people and choose, from the page or from the sidebar's buttons. What was
 * chosen, the names read, and what a rule derived from them would read, go to the sidebar by
 * runtime message; the page gets only outlines.
 */
import { deriveRule, nameShown } from '@/lib/learned-rules/derive';
import { onExtensionMessage, sendToBackground } from '../content';
import { mountPickerLayer } from './picker-layer';

const MAX_CHOSEN = 4;
const POINTER_EVENTS = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
];
/** Where a person's name could be: short, a few words. */
const NAME_LIKE = /^\S(?:.{0,78}\S)?$/;
const OURS = 'inside-out-root, inside-out-picker';

type Action = 'next' | 'previous' | 'choose' | 'remove' | 'stop';

let running: { stop(): void } | undefined;

export function startPicker(doc: Document = document): void {
  if (running) return;
  const view = doc.defaultView ?? window;
  const layer = mountPickerLayer(doc);
  const chosen: Element[] = [];
  let highlighted: Element | null = null;

  const ours = (el: Element) => el === layer.host || !!el.closest(OURS);
  const targetOf = (event: Event): Element | null => {
    const target = event.composedPath()[0];
    return target instanceof Element && !ours(target) ? target : null;
  };

  const report = (phase: 'picking' | 'cancelled' = 'picking') => {
    const derived = chosen.length ? deriveRule(chosen) : undefined;
    void sendToBackground({
      type: 'pick-state',
      phase,
      ...(highlighted ? { highlighted: nameShown(highlighted).slice(0, 200) } : {}),
      chosen: chosen.map((el) => nameShown(el).slice(0, 200)),
      preview: derived?.ok ? derived.reading.participants.map((p) => p.name) : [],
      ...(derived?.ok ? { rule: derived.rule } : {}),
      ...(derived && !derived.ok ? { problem: derived.problem } : {}),
    });
  };
  const draw = () => layer.draw(highlighted, chosen);

  const highlight = (el: Element | null, scroll = false) => {
    if (el === highlighted) return;
    highlighted = el;
    if (scroll) el?.scrollIntoView?.({ block: 'nearest' });
    draw();
    report();
  };
  const choose = (el: Element | null) => {
    if (!el || chosen.includes(el) || !nameShown(el)) return;
    if (chosen.length >= MAX_CHOSEN) chosen.shift();
    chosen.push(el);
    draw();
    report();
  };
  const move = (step: 1 | -1) => {
    const all = candidates(doc, ours);
    if (!all.length) return;
    const at = highlighted ? all.indexOf(highlighted) : -1;
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : (at + step + all.length) % all.length;
    highlight(all[next]!, true);
  };

  const onPointer = (event: Event) => {
    const target = targetOf(event);
    if (!target) return; // our own launcher and sidebar keep working
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click') {
      highlight(target);
      choose(target);
    }
  };
  const onMove = (event: Event) => {
    const target = targetOf(event);
    if (target) highlight(target);
  };
  const onKey = (event: KeyboardEvent) => {
    const action: Action | undefined = {
      Escape: 'stop' as const,
      ArrowDown: 'next' as const,
      ArrowRight: 'next' as const,
      ArrowUp: 'previous' as const,
      ArrowLeft: 'previous' as const,
      Enter: 'choose' as const,
    }[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (action === 'stop') stop(true);
    else act(action);
  };

  const act = (action: Action, index?: number) => {
    if (action === 'next') move(1);
    else if (action === 'previous') move(-1);
    else if (action === 'choose') choose(highlighted);
    else if (action === 'remove' && index !== undefined && index < chosen.length) {
      chosen.splice(index, 1);
      draw();
      report();
    } else if (action === 'stop') stop(false);
  };

  const listen = { capture: true, passive: false } as const;
  for (const type of POINTER_EVENTS) view.addEventListener(type, onPointer, listen);
  view.addEventListener('mouseover', onMove, listen);
  view.addEventListener('keydown', onKey, listen);
  const stopMessages = onExtensionMessage({
    pick: (message) => {
      if (typeof message.action !== 'string') return;
      act(message.action, typeof message.index === 'number' ? message.index : undefined);
    },
  });

  function stop(cancelled: boolean): void {
    for (const type of POINTER_EVENTS) view.removeEventListener(type, onPointer, listen);
    view.removeEventListener('mouseover', onMove, listen);
    view.removeEventListener('keydown', onKey, listen);
    stopMessages();
    layer.destroy();
    running = undefined;
    if (cancelled) {
      chosen.length = 0;
      highlighted = null;
      report('cancelled');
    }
  }
  running = { stop: () => stop(false) };
  report();
}

/**
 * Elements the keyboard steps through: the deepest element showing a short name, marked the way
 * tools mark people (a link, a `data-*` or `aria-*` attribute, a role), in page order.
 */
function candidates(doc: Document, ours: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const el of doc.body?.querySelectorAll('*') ?? []) {
    if (out.length >= 500) break;
    if (ours(el) || !isMarked(el) || !el.getClientRects().length) continue;
    const name = nameShown(el);
    if (!NAME_LIKE.test(name) || name.split(' ').length > 6) continue;
    if ([...el.children].some((child) => nameShown(child) === name)) continue;
    out.push(el);
  }
  return out;
}

function isMarked(el: Element): boolean {
  return [...el.attributes].some(
    (a) =>
      a.name.startsWith('data-') ||
      a.name.startsWith('aria-') ||
      ['href', 'role', 'itemprop'].includes(a.name),
  );
}

/**
 * Picking on the page: people, the conversation's title, or the part that holds it. Loaded into
 * the page only when the user starts picking (the background injects the separate `picker.js`),
 * so the content script stays small.
 *
 * While it runs, a click chooses the element under the pointer instead of reaching the page
 * (capture-phase listeners that stop the event, in the page and its same-origin frames), Escape
 * cancels, and the arrow keys and Enter move between likely candidates and choose, from the page
 * or from the sidebar's buttons. What was chosen, what it shows, and what a rule derived from it
 * would read go to the sidebar by runtime message; the page gets only outlines.
 */
import { dedupeParticipants, text } from '@/lib/adapters/dom';
import { frameDocuments } from '@/lib/adapters/frames';
import { readPeople } from '@/lib/adapters/generic';
import { containerStepAt, deriveRule, nameShown } from '@/lib/learned-rules/derive';
import { deriveContainer, deriveTitle } from '@/lib/learned-rules/thread';
import type { MessageOf, PickPart } from '@/lib/messages';
import type { Tool } from '@/lib/sites';
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
const KEYS: Record<string, Action> = {
  Escape: 'stop',
  ArrowDown: 'next',
  ArrowRight: 'next',
  ArrowUp: 'previous',
  ArrowLeft: 'previous',
  Enter: 'choose',
};

type Action = MessageOf<'pick'>['action'];

let running: { stop(): void } | undefined;

export function startPicker(doc: Document = document): void {
  if (running) return;
  const layer = mountPickerLayer(doc);
  // The page and the same-origin frames it shows (a tool's shell may frame the conversation).
  const views = [doc, ...frameDocuments(doc).map((f) => f.document)].flatMap(
    (d) => d.defaultView ?? [],
  );
  const chosen: Element[] = [];
  let highlighted: Element | null = null;
  let part: PickPart = 'people';
  let tool: Tool = 'gmail';

  const ours = (el: Element) => el === layer.host || !!el.closest(OURS);
  /** What the pointer is on, as what is being picked: a container is a whole marked part. */
  const targetOf = (event: Event): Element | null => {
    const target = event.composedPath()[0];
    if (!isElement(target) || ours(target)) return null;
    if (part !== 'container') return target;
    const found = deriveContainer(target);
    return found.ok ? found.preview : null;
  };

  const report = (phase: 'picking' | 'cancelled' = 'picking') => {
    void sendToBackground({
      type: 'pick-state',
      phase,
      part,
      ...(highlighted ? { highlighted: shown(highlighted, part) } : {}),
      chosen: chosen.map((el) => shown(el, part)),
      ...derivedFrom(chosen, part, tool),
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
    if (!el || chosen.includes(el) || !shown(el, part)) return;
    // People are learned from several; the title and the container from one.
    if (part !== 'people') chosen.length = 0;
    if (chosen.length >= MAX_CHOSEN) chosen.shift();
    chosen.push(el);
    draw();
    report();
  };
  const move = (step: 1 | -1) => {
    const all = views.flatMap((view) => candidates(view.document, part, ours));
    if (!all.length) return;
    const at = highlighted ? all.indexOf(highlighted) : -1;
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : (at + step + all.length) % all.length;
    highlight(all[next]!, true);
  };

  const onPointer = (event: Event) => {
    const target = event.composedPath()[0];
    if (!isElement(target) || ours(target)) return; // our launcher and sidebar work
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click') {
      const picked = targetOf(event);
      highlight(picked);
      choose(picked);
    }
  };
  const onMove = (event: Event) => {
    const target = targetOf(event);
    if (target) highlight(target);
  };
  const onKey = (event: KeyboardEvent) => {
    const action = KEYS[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (action === 'stop') stop(true);
    else act({ action });
  };

  const act = (message: Pick<MessageOf<'pick'>, 'action' | 'index' | 'part' | 'tool'>) => {
    const { action, index } = message;
    if (action === 'next') move(1);
    else if (action === 'previous') move(-1);
    else if (action === 'choose') choose(highlighted);
    else if (action === 'remove' && index !== undefined && index < chosen.length) {
      chosen.splice(index, 1);
      draw();
      report();
    } else if (action === 'part' && message.part) {
      part = message.part;
      tool = message.tool ?? tool;
      chosen.length = 0;
      highlighted = null;
      draw();
      report();
    } else if (action === 'stop') stop(false);
  };

  const listen = { capture: true, passive: false } as const;
  for (const view of views) {
    for (const type of POINTER_EVENTS) view.addEventListener(type, onPointer, listen);
    view.addEventListener('mouseover', onMove, listen);
    view.addEventListener('keydown', onKey, listen);
  }
  const stopMessages = onExtensionMessage({
    pick: (message) => {
      if (typeof message.action !== 'string') return;
      act({ ...message, index: typeof message.index === 'number' ? message.index : undefined });
    },
  });

  function stop(cancelled: boolean): void {
    for (const view of views) {
      for (const type of POINTER_EVENTS) view.removeEventListener(type, onPointer, listen);
      view.removeEventListener('mouseover', onMove, listen);
      view.removeEventListener('keydown', onKey, listen);
    }
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

/** What the sidebar shows for an element: a person's name, a title, the start of a part's text. */
function shown(el: Element, part: PickPart): string {
  if (part === 'people') return nameShown(el).slice(0, 200);
  // As laid out (a space between a name and the message beside it), where the browser says so.
  const laidOut = 'innerText' in el ? (el as HTMLElement).innerText : undefined;
  const words = laidOut ? laidOut.replace(/\s+/g, ' ').trim() : text(el);
  return part === 'title' || words.length <= 80 ? words.slice(0, 200) : `${words.slice(0, 79)}…`;
}

/** The rule the chosen elements teach, what it would read here now, or why there is none. */
function derivedFrom(chosen: Element[], part: PickPart, tool: Tool) {
  if (!chosen.length) return { preview: [] };
  if (part === 'people') {
    const derived = deriveRule(chosen);
    return derived.ok
      ? { preview: derived.reading.participants.map((p) => p.name), rule: derived.rule }
      : { preview: [], problem: derived.problem };
  }
  const el = chosen[0]!;
  const derived = part === 'title' ? deriveTitle(el) : deriveContainer(el);
  if (!derived.ok) return { preview: [], problem: derived.problem };
  const preview =
    part === 'title'
      ? [text(derived.preview).slice(0, 200)]
      : dedupeParticipants(readPeople(derived.preview, tool)).map((p) => p.name);
  return { preview: preview.slice(0, 50), thread: derived.thread };
}

/**
 * Elements the keyboard steps through, in page order. People: the deepest element showing a
 * short name, marked the way tools mark people (a link, a `data-*` or `aria-*` attribute, a
 * role). Titles: headings. Containers: the parts of the page marked as stable parts.
 */
function candidates(doc: Document, part: PickPart, ours: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const all =
    part === 'title'
      ? doc.body?.querySelectorAll('h1, h2, h3, [role="heading"]')
      : doc.body?.querySelectorAll('*');
  for (const el of all ?? []) {
    if (out.length >= 500) break;
    if (ours(el) || !el.getClientRects().length) continue;
    if (part === 'title' && text(el)) out.push(el);
    else if (part === 'container' && containerStepAt(el, [])) out.push(el);
    else if (part === 'people' && isPersonLike(el)) out.push(el);
  }
  return out;
}

/** An element of the page or of one of its frames (each frame has its own `Element`). */
function isElement(target: EventTarget | undefined): target is Element {
  return (target as Node | undefined)?.nodeType === 1;
}

function isPersonLike(el: Element): boolean {
  if (!isMarked(el)) return false;
  const name = nameShown(el);
  if (!NAME_LIKE.test(name) || name.split(' ').length > 6) return false;
  return ![...el.children].some((child) => nameShown(child) === name);
}

function isMarked(el: Element): boolean {
  return [...el.attributes].some(
    (a) =>
      a.name.startsWith('data-') ||
      a.name.startsWith('aria-') ||
      ['href', 'role', 'itemprop'].includes(a.name),
  );
}

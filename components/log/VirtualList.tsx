import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  render(item: T, index: number): ComponentChildren;
  keyOf(item: T): string;
  /** Called when the user scrolls near the end, to load the next page. */
  onNearEnd?(): void;
  label: string;
  testId?: string;
}

/**
 * Renders only the rows in view (plus a few either side), so a log of 100,000 entries scrolls
 * as smoothly as one of ten. Rows have a fixed height; the list is as tall as its place in the
 * page makes it (the stylesheet's `.virtual-list`), measured as that changes.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  render,
  keyOf,
  onNearEnd,
  label,
  testId,
}: VirtualListProps<T>) {
  // The first row in view: scrolling within a row renders nothing.
  const [topRow, setTopRow] = useState(0);
  const [height, setHeight] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const overscan = 6;

  useEffect(() => {
    const list = ref.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setHeight(list.clientHeight));
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, topRow - overscan);
  const visible = Math.ceil(height / rowHeight) + overscan * 2;
  const last = Math.min(items.length, first + visible);

  useEffect(() => {
    if (onNearEnd && last >= items.length - overscan) onNearEnd();
  }, [last, items.length, onNearEnd]);

  return (
    <div
      ref={ref}
      class="virtual-list"
      data-testid={testId}
      role="list"
      aria-label={label}
      tabIndex={0}
      style={{ overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setTopRow(Math.floor(e.currentTarget.scrollTop / rowHeight))}
    >
      <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>
        {items.slice(first, last).map((item, offset) => (
          <div
            key={keyOf(item)}
            role="listitem"
            style={{
              position: 'absolute',
              top: `${(first + offset) * rowHeight}px`,
              left: 0,
              right: 0,
              height: `${rowHeight}px`,
            }}
          >
            {render(item, first + offset)}
          </div>
        ))}
      </div>
    </div>
  );
}

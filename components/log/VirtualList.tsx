import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  render(item: T, index: number): ComponentChildren;
  keyOf(item: T): string;
  /** Called when the user scrolls near the end, to load the next page. */
  onNearEnd?(): void;
  label: string;
}

/**
 * Renders only the rows in view (plus a few either side), so a log of 100,000 entries scrolls
 * as smoothly as one of ten. Rows have a fixed height.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  render,
  keyOf,
  onNearEnd,
  label,
}: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const overscan = 6;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const visible = Math.ceil(height / rowHeight) + overscan * 2;
  const last = Math.min(items.length, first + visible);

  useEffect(() => {
    if (onNearEnd && last >= items.length - overscan) onNearEnd();
  }, [last, items.length, onNearEnd]);

  return (
    <div
      ref={ref}
      class="virtual-list"
      role="list"
      aria-label={label}
      tabIndex={0}
      style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
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

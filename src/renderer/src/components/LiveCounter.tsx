// A number that glows when it grew since the previous update. Plain <span>: it sits in rows
// that can number in the thousands.
import './live-counter.css';

export function LiveCounter({ value, previous, format }: { value: number; previous: number | undefined; format: (n: number) => string }) {
  const moved = previous !== undefined && value > previous;
  // A new key remounts the span, which restarts the animation on every move.
  return (
    <span key={value} className={moved ? 'bp-counter-moved' : undefined}>
      {format(value)}
    </span>
  );
}

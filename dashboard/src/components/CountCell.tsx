import { SUPPRESSED_TEXT } from '../labels';
import type { CountValue } from '../measures';

const number = new Intl.NumberFormat('sv-SE');

/** A count: the number, ".." when suppressed (with why), "–" when not known. */
export function CountCell({ count }: { count: CountValue | undefined }) {
  if (!count) return <span aria-label="uppgift saknas">–</span>;
  if (count.suppressed || count.value === null) {
    return (
      <abbr className="suppressed" title={SUPPRESSED_TEXT} aria-label={`skyddat värde: ${SUPPRESSED_TEXT}`}>
        ..
      </abbr>
    );
  }
  return <span className="count">{number.format(count.value)}</span>;
}

export const countText = (count: CountValue | undefined) =>
  !count ? '' : count.suppressed || count.value === null ? '..' : String(count.value);

export function SuppressedNote() {
  return (
    <p className="note">
      <strong>..</strong> = {SUPPRESSED_TEXT}.
    </p>
  );
}

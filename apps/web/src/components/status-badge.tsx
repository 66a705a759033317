import { Badge, Tooltip } from '@mantine/core';

/** A status, tag or dropdown option in its configured colours (C-6: "wherever it shows"). */
export function ColorBadge(props: {
  name: string;
  color: string;
  background: string;
  /** Show the abbreviation, with the full name on hover (dense tables). */
  abbreviation?: string;
  testId?: string;
}) {
  const short = props.abbreviation?.trim();
  const badge = (
    <Badge
      variant="filled"
      radius="sm"
      tt="none"
      fw={600}
      style={{ color: props.color, backgroundColor: props.background }}
      data-testid={props.testId}
    >
      {short || props.name}
    </Badge>
  );
  return short ? <Tooltip label={props.name}>{badge}</Tooltip> : badge;
}

/** A status, template or result in its own colours; nothing while there is none. */
export function EntryBadge(props: {
  entry: { name: string; color: string; background: string } | null | undefined;
  testId?: string;
}) {
  const { entry } = props;
  return entry ? (
    <ColorBadge
      name={entry.name}
      color={entry.color}
      background={entry.background}
      testId={props.testId}
    />
  ) : null;
}

/** A tag: its colour as the background, readable text on top. */
export function TagBadge(props: { name: string; color: string | null }) {
  const bg = props.color ?? '#e9ecef';
  return (
    <Badge
      variant="filled"
      radius="xl"
      tt="none"
      fw={500}
      style={{ backgroundColor: bg, color: readableOn(bg) }}
    >
      {props.name}
    </Badge>
  );
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
  const n = Number.parseInt(full.slice(1), 16);
  if (Number.isNaN(n)) return '#000';
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l =
    0.2126 * channel((n >> 16) & 255) +
    0.7152 * channel((n >> 8) & 255) +
    0.0722 * channel(n & 255);
  return l > 0.45 ? '#1a1b1e' : '#ffffff';
}

import { Button } from '@mantine/core';
import { useState, type CSSProperties } from 'react';

/** Out of sight but read out and focusable, until the keyboard reaches it. */
const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};
const SHOWN: CSSProperties = { position: 'fixed', top: 8, insetInlineStart: 8, zIndex: 1000 };

/**
 * A link for keyboard users past everything before the content they came for (WCAG 2.4.1),
 * shown only while it has the focus.
 */
export function SkipLink(props: {
  label: string;
  /** Moves the focus; the link's target when that is all there is to it. */
  onSkip: () => void;
  href?: string;
  testId?: string;
}) {
  const [focused, setFocused] = useState(false);
  return (
    <Button
      component="a"
      href={props.href ?? '#'}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(e) => {
        e.preventDefault();
        props.onSkip();
      }}
      style={focused ? SHOWN : HIDDEN}
      data-testid={props.testId}
    >
      {props.label}
    </Button>
  );
}

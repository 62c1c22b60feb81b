import { Badge } from '@mantine/core';

/** A count beside a tab's name: round for one digit, a pill for more, so "124" is never cut to "1..". */
export function TabCount({ count, color }: { count: number; color?: string }) {
  if (count <= 0) return null;
  return (
    <Badge size="sm" color={color} circle={count < 10}>
      {count}
    </Badge>
  );
}

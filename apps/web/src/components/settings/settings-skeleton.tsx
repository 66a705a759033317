import { Skeleton, Stack } from '@mantine/core';

export function SettingsSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true">
      <Skeleton h={36} />
      <Skeleton h={36} />
      <Skeleton h={36} />
      <Skeleton h={36} w="60%" />
    </Stack>
  );
}

// A module of its own for the on-demand import: importing the package's index instead made
// the bundler put the notification store, which every page uses, in the container's chunk.
export { Notifications } from '@mantine/notifications';

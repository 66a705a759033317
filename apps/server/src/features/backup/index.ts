export {
  backupToFile,
  BackupRefusedError,
  restoreFromFile,
  type DatabaseLocation,
} from './backup-files.ts';

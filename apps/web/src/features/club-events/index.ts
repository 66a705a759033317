export { ClubRecords } from './components/club-records.tsx';

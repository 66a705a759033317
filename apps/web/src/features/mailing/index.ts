/** "Email" and "SMS" to one person, for the person page and the expanded card (issue 16). */
export { WriteToPerson, type WriteTarget } from './components/write-to-person.tsx';

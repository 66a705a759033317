export { HistoryTimeline } from './components/history-timeline.tsx';
export { NoteBox } from './components/note-box.tsx';
export { EmailList, PhoneList, usePhoneRegion } from './components/detail-parts.tsx';
export { useContact, useUpdateContact } from './api/contact-api.ts';

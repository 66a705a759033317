export { HistoryTimeline } from './components/history-timeline.tsx';
export { NoteBox } from './components/note-box.tsx';
export { EmailList, PhoneList } from './components/detail-parts.tsx';
export { usePhoneRegion } from './components/phone-region.ts';
export { useContact, useUpdateContact } from './api/contact-api.ts';
export { DateField } from './components/date-field.tsx';
export { FamilyBlock } from './components/family-block.tsx';
export { useFamily } from './api/family-api.ts';

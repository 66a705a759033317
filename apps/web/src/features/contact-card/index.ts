export { PersonPage } from './pages/person-page.tsx';
export { CompanyPage } from './pages/company-page.tsx';
export { PersonCreatePage } from './pages/person-create-page.tsx';
export { CompanyCreatePage } from './pages/company-create-page.tsx';
export { HistoryTimeline } from './components/history-timeline.tsx';
export { NoteBox } from './components/note-box.tsx';
export { EmailList, PhoneList, usePhoneRegion } from './components/detail-parts.tsx';
export { useContact, useUpdateContact } from './api/contact-api.ts';

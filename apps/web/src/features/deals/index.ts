export { ContactDeals } from './components/contact-deals.tsx';

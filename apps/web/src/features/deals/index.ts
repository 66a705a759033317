export { ContactDeals } from './components/contact-deals.tsx';
/** An amount in minor units, in the user's language (the home page's pipeline). */
export { formatMoney } from './money.ts';

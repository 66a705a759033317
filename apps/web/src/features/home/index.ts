export { StartPage } from './pages/start-page.tsx';

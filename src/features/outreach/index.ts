export { OutreachPage } from './OutreachPage';

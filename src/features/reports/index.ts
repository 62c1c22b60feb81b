export { ReportsPage } from './ReportsPage';
export { TermsSettings } from './TermsSettings';

export { CaseSettings } from './CaseSettings';
export { CasesDashboard } from './CasesDashboard';
export { CasesPage } from './CasesPage';
export { OpenCaseModal, type Opening } from './OpenCaseModal';
export { ProtocolModal } from './Protocol';

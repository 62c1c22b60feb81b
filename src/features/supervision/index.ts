export { DiscussedInSupervisionItem, withSupervision } from './DiscussedInSupervision';
export { PeerSupervision } from './PeerSupervision';
export { useSupervisionColumn } from './rosterColumn';
export { MyActionItems, SupervisionDue } from './SupervisionDashboard';
export { SupervisionPage } from './SupervisionPage';

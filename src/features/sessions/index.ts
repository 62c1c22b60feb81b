export { PeerSessionLogs } from './PeerSessionLogs';
export { SessionsPage } from './SessionsPage';

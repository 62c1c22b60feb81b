export { PeersPage } from './PeersPage';
export { SchoolProfileSettings } from './SchoolProfileSettings';

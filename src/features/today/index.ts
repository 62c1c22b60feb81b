export { ReturnedLogBanners, TodayList } from './TodayList';

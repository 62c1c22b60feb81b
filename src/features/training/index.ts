export { moduleTitle } from './moduleTitle';
export { TrainingPage } from './TrainingPage';

export { EvaluationHistory } from './EvaluationHistory';
export { EvaluationPage } from './EvaluationPage';
export { FeedbackKiosk } from './FeedbackKiosk';
export { HelpSeekerOutcomeModal, type CodedHelpSeeker } from './Outcomes';
export { Who5Button } from './Who5Button';

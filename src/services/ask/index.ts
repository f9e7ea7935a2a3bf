/** The plain-language answerer: what faces (Slack, CLI, console, LLM tools) call. */
export { AskService, type AskDeps, type AskOptions, type LaterAnswerer, type NameSource } from './ask-service';
export { costRequest, planRequests, type AnswerGroup, type AskAnswer, type AskReply, type Queried, type QueriedPeriod } from './answer';
export { AskCatalog, type CatalogValues } from './catalog';
export { composeAnswer, composeLater } from './compose';
export * from './intent';
export { allNumbersSupported, numbersInText, unsupportedNumbers, type NumberInText } from './number-check';
export { parseQuestion, type ParseOptions } from './parse-question';
export { EXAMPLE_QUESTIONS } from './refusals';
export { refineIntent, type FollowUpOptions } from './follow-up';
export { applyScope, isScoped, type AskScope } from './scope';
export { askView, filterLabels, refusalView } from './view';

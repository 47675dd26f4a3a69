// Every workflow the worker registers. Workflow code is bundled and sandboxed: it may
// import only deterministic code (calendar, program types, its own messages).
export { assignmentWorkflow } from './assignment/assignment';
export { reportCycleWorkflow } from './report-cycle/report-cycle';
export { inspectionWorkflow } from './inspection/inspection';
export { campaignWorkflow } from './campaign/campaign';
export { programWorkflow } from './program/program';
export { taskWorkflow } from './task/task';

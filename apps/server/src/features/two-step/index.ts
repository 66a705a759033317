export { twoStepSecrets } from './two-step.table.ts';
export { twoStepBox } from './two-step-box.ts';
export { hasTwoStep, twoStepSetupRequired, verifySecondFactor } from './two-step.service.ts';
export { twoStepReset } from './two-step.hooks.ts';

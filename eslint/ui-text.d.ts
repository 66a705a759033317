import type { Rule } from 'eslint';

export declare const uiText: Rule.RuleModule;

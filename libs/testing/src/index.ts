export * from './wait-for';
export * from './stack-connection';
export * from './isolated-environment';
export * from './service-process';
export * from './examples';
export * from './private-kafka';
export * from './prometheus-text';
export * from './select-count';

export * from './kafka-client';
export * from './envelope';
export * from './event-publisher';
export * from './reliable-consumer';
export * from './parse-envelope';
export * from './kafka.module';
export * from './topic-reader';
export * from './process-with-retries';

export * from './org'
export * from './customers'
export * from './identity'
export * from './audit'

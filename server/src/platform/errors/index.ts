export {
  AppError,
  notFound,
  forbidden,
  staleVersion,
  invalidField,
  type FieldError,
} from './app-error'
export { errorStatus, type ErrorCode } from './codes'
export { registerErrorHandler, sendProblem } from './error-handler'

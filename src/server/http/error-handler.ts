import type { FastifyError, FastifyInstance } from 'fastify'
import { ApiError } from '../errors'

/** Fastify's own error codes that mean "the request body is not JSON we can read". */
const MALFORMED_BODY = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
])

/** Maps any error to the one error shape `{error:{code,message}}` with a Chinese message. */
export function toApiError(err: FastifyError | Error): ApiError {
  if (err instanceof ApiError) return err
  const code = (err as FastifyError).code
  const status = (err as FastifyError).statusCode
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return new ApiError(
      'PAYLOAD_TOO_LARGE',
      '请求体过大：请分批报送（每批条目更少），或压缩正文中的图片。',
    )
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      '只接受 Content-Type: application/json 的请求体。',
    )
  }
  if ((code && MALFORMED_BODY.has(code)) || err instanceof SyntaxError) {
    return new ApiError('MALFORMED_JSON', '请求体不是有效的 JSON，请检查后重试。')
  }
  if (status === 400) return new ApiError('VALIDATION', '请求格式不正确，请检查后重试。')
  return new ApiError('INTERNAL', '服务端内部错误，请稍后重试；如仍失败请联系区级管理员。')
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const apiError = toApiError(err)
    // Only unexpected failures are logged with their stack; client mistakes are routine.
    if (apiError.code === 'INTERNAL') req.log.error({ err }, 'request failed')
    return reply.status(apiError.statusCode).send(apiError.toBody())
  })
  app.setNotFoundHandler((_req, reply) => {
    const e = new ApiError(
      'NOT_FOUND',
      '没有这个接口，请核对地址（接口说明见 /api/v1/openapi.json）。',
    )
    return reply.status(404).send(e.toBody())
  })
}

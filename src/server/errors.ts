/**
 * The closed set of error codes the server's API returns in `{error:{code,message}}`. Clients
 * branch on the code; the Chinese message is for people.
 */
export const API_ERROR_STATUS = {
  VALIDATION: 400,
  MALFORMED_JSON: 400,
  BATCH_TOO_LARGE: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REVISION_CONFLICT: 409,
  STALE_REVISION: 409,
  ANCHOR_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** An upload would take the department over its attachment quota (protocol v2 uploads). */
  QUOTA_EXCEEDED: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONTENT_HASH_MISMATCH: 422,
  /** The body is not in the sanitiser's form (the desk only sends sanitised HTML): not stored. */
  UNSAFE_BODY: 422,
  /** An upload chunk whose bytes do not hash to the SHA-256 sent with it. */
  CHUNK_HASH_MISMATCH: 422,
  /** The assembled upload does not hash to the file's SHA-256: its chunks are discarded. */
  FILE_HASH_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const

export type ApiErrorCode = keyof typeof API_ERROR_STATUS

/** The JSON body of every error response. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: unknown }
}

/** A typed failure thrown inside the server and turned into a response once, by the error handler. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  /** Creates an error whose HTTP status follows from `code`. */
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }

  get statusCode(): number {
    return API_ERROR_STATUS[this.code]
  }

  /** The response body. */
  toBody(): ApiErrorBody {
    return {
      error:
        this.details === undefined
          ? { code: this.code, message: this.message }
          : { code: this.code, message: this.message, details: this.details },
    }
  }
}

/** The message for "not yours or not there": the two are deliberately indistinguishable. */
export const NOT_FOUND_MESSAGE = '没有找到该条目（或无权查看），请核对条目编号。'

import { z } from 'zod'
import { API_ERROR_STATUS } from '../errors'
import {
  batchEntrySchema,
  MAX_BATCH,
  putItemBodySchema,
  withdrawBodySchema,
} from '../items/item-schemas'
import {
  auditAnchorBodySchema,
  blobQueryBodySchema,
  blobQueryResponseSchema,
  blobStartBodySchema,
  blobStatusSchema,
  CHUNK_SHA256_HEADER,
  SYNC_PROTOCOL_VERSION,
} from '../../shared/sync/wire'
import {
  breakdownListSchema,
  breakdownWireSchema,
  putScheduleTableBodySchema,
  scheduleTableReceiptSchema,
  scheduleTableStoredSchema,
} from '../../shared/schedule/wire'
import { districtCalendarSchema } from '../../shared/calendar/wire'
import {
  commentsPageSchema,
  commentsQuerySchema,
  consultationReceiptSchema,
  consultationWireSchema,
  qaReceiptSchema,
  qaWireSchema,
} from '../../shared/engagement/wire'
import {
  putReportBodySchema,
  reportReceiptSchema,
  reportTablesWireSchema,
} from '../../shared/report/wire'
import { SERVER_CAPABILITIES } from './capabilities'

/** JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) of a request body, from its zod schema. */
const body = (schema: z.ZodType) => ({
  required: true,
  content: {
    'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
  },
})

/** JSON Schema of an answer, from the shared wire schema the desk checks it with. */
const answer = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>

const yearParam = {
  name: 'year',
  in: 'path',
  required: true,
  description: '年度（2000–2100）',
  schema: { type: 'integer', minimum: 2000, maximum: 2100 },
}

const reportYearParam = {
  ...yearParam,
  description: '年度报告所属年度（2008–2100）',
  schema: { type: 'integer', minimum: 2008, maximum: 2100 },
}

/** Query parameters, from the zod schema the handler parses them with. */
function queryParams(schema: z.ZodObject) {
  const doc = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, object>
  }
  return Object.entries(doc.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }))
}

const json = (description: string, schema: object = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
})

const errorRef = (description: string) => json(description, { $ref: '#/components/schemas/Error' })

const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: '客户端生成的条目 UUID',
  schema: { type: 'string', format: 'uuid' },
}

const common = {
  '400': errorRef('请求体不是 JSON（MALFORMED_JSON）或未通过校验（VALIDATION）'),
  '401': errorRef('缺少令牌、令牌无效或已吊销（UNAUTHENTICATED）'),
  '413': errorRef('请求体超过上限（PAYLOAD_TOO_LARGE）'),
  '429': errorRef('超过该令牌的请求频率限制（RATE_LIMITED）'),
}

const shaParam = {
  name: 'sha256',
  in: 'path',
  required: true,
  description: '文件的 SHA-256（64 位小写十六进制）；服务端从不把文件名当作路径',
  schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
}

const putResult = {
  type: 'object',
  required: ['id', 'result', 'revision'],
  properties: {
    id: { type: 'string' },
    result: { enum: ['created', 'updated', 'unchanged'] },
    revision: { type: 'integer', description: '服务端保存的最新版本号' },
  },
}

/**
 * The OpenAPI 3.1 document served at `/api/v1/openapi.json`: hand-built paths, with request
 * bodies generated from the same zod schemas the handlers validate with, so they cannot drift.
 */
export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: '政务公开工作台 区级同步接口',
      version: `${SYNC_PROTOCOL_VERSION}.0.0`,
      description: `部门把已审批的公开条目、附件、配档表、年度报告、意见征集与政策问答同步到区级服务端（协议 v${SYNC_PROTOCOL_VERSION}，路径前缀仍为 /api/v1）。详见 docs/sync-protocol.md。`,
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: '部门令牌 ddt_…' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { enum: Object.keys(API_ERROR_STATUS) },
                message: { type: 'string', description: '中文说明' },
                details: {},
              },
            },
          },
        },
      },
    },
    paths: {
      '/health': {
        get: {
          summary: '健康检查（无需令牌）：协议版本号与服务端提供的功能',
          security: [],
          responses: {
            '200': json('正常', {
              type: 'object',
              required: ['status', 'time', 'protocol', 'capabilities'],
              properties: {
                status: { const: 'ok' },
                time: { type: 'string', format: 'date-time' },
                protocol: {
                  const: SYNC_PROTOCOL_VERSION,
                  description: '协议版本号（2 即协议 v2）',
                },
                capabilities: {
                  type: 'object',
                  description: '服务端提供的功能（true 即有对应接口）；旧服务端没有该字段',
                  properties: Object.fromEntries(
                    Object.keys(SERVER_CAPABILITIES).map((k) => [k, { type: 'boolean' }]),
                  ),
                },
              },
            }),
            '503': errorRef('数据库不可用'),
          },
        },
      },
      '/openapi.json': {
        get: {
          summary: '本文档（OpenAPI 3.1，无需令牌）',
          security: [],
          responses: { '200': json('OpenAPI 文档') },
        },
      },
      '/items/{id}': {
        put: {
          summary: '报送一个条目的某一版本（幂等）',
          parameters: [idParam],
          requestBody: body(putItemBodySchema),
          responses: {
            '201': json('新建', putResult),
            '200': json('更新为新版本（updated）或重复报送（unchanged）', putResult),
            '404': errorRef('该编号属于其他部门'),
            '409': errorRef(
              '同版本不同内容（REVISION_CONFLICT）或版本低于已存版本（STALE_REVISION）',
            ),
            '422': errorRef(
              'contentHash 不是所报送 item 的 RFC 8785 规范化 JSON 的 SHA-256（CONTENT_HASH_MISMATCH），' +
                '或正文不是已净化的 HTML（UNSAFE_BODY）',
            ),
            ...common,
          },
        },
        get: {
          summary: '读取本部门条目的最新版本',
          parameters: [idParam],
          responses: { '200': json('条目'), '404': errorRef('不存在或不属于本部门'), ...common },
        },
      },
      '/items/batch': {
        post: {
          summary: `批量报送（每批最多 ${MAX_BATCH} 条，逐条返回结果）`,
          requestBody: body(z.object({ items: z.array(batchEntrySchema).min(1).max(MAX_BATCH) })),
          responses: { '200': json('每条一个结果：status 200/201/400/404/409/422'), ...common },
        },
      },
      '/items/{id}/withdraw': {
        post: {
          summary: '撤回条目（幂等）',
          parameters: [idParam],
          requestBody: body(withdrawBodySchema),
          responses: {
            '200': json('已撤回；changed=false 表示此前已撤回'),
            '404': errorRef('不存在或不属于本部门'),
            ...common,
          },
        },
      },
      '/audit-anchors': {
        put: {
          summary: '登记本部门审计链的末端（序号与哈希），每次同步后发送',
          requestBody: body(auditAnchorBodySchema),
          responses: {
            '201': json('新锚点 {seq, hash, receivedAt}'),
            '200': json('该锚点已登记过（同序号同哈希）'),
            '409': errorRef('该序号已登记为另一哈希，或审计链变短（ANCHOR_CONFLICT）'),
            ...common,
          },
        },
        get: {
          summary: '读取本部门的审计锚点（按序号升序）',
          parameters: [
            {
              name: 'after',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 0, default: 0 },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1000 },
            },
          ],
          responses: { '200': json('{anchors: [{seq, hash, receivedAt}], hasMore}'), ...common },
        },
      },
      '/changes': {
        get: {
          summary: '读取游标之后区级对本部门条目的处理（已接收、已发布、已退回、已撤回）',
          parameters: [
            {
              name: 'cursor',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: '不透明游标；首次不带',
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            },
          ],
          responses: { '200': json('{changes, nextCursor, hasMore}'), ...common },
        },
      },
      '/blobs/query': {
        post: {
          summary:
            '附件上传（协议 v2）：询问区级已有哪些文件（按 SHA-256，全区共用；已有的不必再传）',
          requestBody: body(blobQueryBodySchema),
          responses: {
            ...common,
            '200': json(
              '{have: [区级已有的 sha256…], started: [本部门已开始未完成的 sha256…], chunkSize: 新上传的分块大小}（started、chunkSize 为 2026-12-01 新增，旧服务端没有）',
              answer(blobQueryResponseSchema),
            ),
          },
        },
      },
      '/blobs/{sha256}': {
        post: {
          summary:
            '开始（或续传）一个文件的上传：报大小，服务端定分块大小并答复已收到的分块；区级已有则直接 complete',
          parameters: [shaParam],
          requestBody: body(blobStartBodySchema),
          responses: {
            ...common,
            '200': json('上传状态', answer(blobStatusSchema)),
            '413': errorRef(
              '文件超过单个文件上限（PAYLOAD_TOO_LARGE）或超出本部门配额（QUOTA_EXCEEDED）',
            ),
          },
        },
      },
      '/blobs/{sha256}/status': {
        get: {
          summary: '本部门该文件的上传状态（已收到的分块），用于中断后续传',
          parameters: [shaParam],
          responses: {
            ...common,
            '200': json('上传状态', answer(blobStatusSchema)),
            '404': errorRef('本部门没有该文件的上传，区级也没有该文件（NOT_FOUND）'),
          },
        },
      },
      '/blobs/{sha256}/chunks/{index}': {
        put: {
          summary: `上传一个分块（application/octet-stream），请求头 ${CHUNK_SHA256_HEADER} 为该分块的 SHA-256；重复发送无副作用；最后一块到齐时校验整个文件的 SHA-256。第 0 块可带 ?size=<文件字节数>，同时开始上传（免去单独的 POST；只有一块的文件一次请求即传完）`,
          parameters: [
            shaParam,
            {
              name: 'index',
              in: 'path',
              required: true,
              description: '分块序号，从 0 开始',
              schema: { type: 'integer', minimum: 0 },
            },
            {
              name: CHUNK_SHA256_HEADER,
              in: 'header',
              required: true,
              schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            },
            {
              name: 'size',
              in: 'query',
              required: false,
              description:
                '仅第 0 块：整个文件的字节数，带上即开始（或续传）该文件的上传，检查与 POST /blobs/{sha256} 相同（单个文件上限、配额、大小一致）',
              schema: { type: 'integer', minimum: 0 },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            },
          },
          responses: {
            ...common,
            '200': json(
              '上传状态（complete=true：文件已到齐并通过校验）',
              answer(blobStatusSchema),
            ),
            '404': errorRef('尚未开始该文件的上传且未带 size（NOT_FOUND）'),
            '413': errorRef(
              '分块超过本次上传的分块大小（PAYLOAD_TOO_LARGE）；带 size 时另有文件超过上限（PAYLOAD_TOO_LARGE）、超出配额（QUOTA_EXCEEDED）',
            ),
            '422': errorRef(
              '分块内容与其 SHA-256 不符（CHUNK_HASH_MISMATCH），或整个文件与其 SHA-256 不符（FILE_HASH_MISMATCH，分块已丢弃）',
            ),
          },
        },
      },
      '/consultations/{id}/attachments/{sha256}': {
        // The public comment page's downloads live at the server's root, not under /api/v1.
        servers: [{ url: '/' }],
        get: {
          summary:
            '公众页面（无需令牌）：下载意见征集所列的附件。仅限正在上线的意见征集所列、随公告通过审查且已完整上传的文件；以附件方式下载（Content-Disposition 文件名按 RFC 5987 编码，X-Content-Type-Options: nosniff）',
          security: [],
          parameters: [{ ...idParam, description: '意见征集编号（UUID）' }, shaParam],
          responses: {
            '200': {
              description: '文件内容',
              content: {
                'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              },
            },
            '404': {
              description: '没有该意见征集，或其未列出该文件（HTML 说明页）',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            '503': {
              description:
                '文件尚未完整上传：「附件正在上传，请稍后再试」（HTML 说明页，Retry-After）',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/reports/{year}': {
        put: {
          summary:
            '报送本部门该年度已发布的政府信息公开工作年度报告（表二至表四的全部单元格、第一、五、六部分正文），幂等',
          parameters: [reportYearParam],
          requestBody: body(putReportBodySchema),
          responses: {
            '201': json('首次收到', answer(reportReceiptSchema)),
            '200': json(
              '已更新（updated）或与已存内容相同（unchanged）',
              answer(reportReceiptSchema),
            ),
            ...common,
          },
        },
        get: {
          summary: '读取区级保存的本部门该年度年度报告（只能读取本部门的）',
          parameters: [reportYearParam],
          responses: {
            '200': json('{year, title, contentHash, receivedAt, tables}', {
              type: 'object',
              required: ['year', 'title', 'contentHash', 'receivedAt', 'tables'],
              properties: {
                year: { type: 'integer' },
                title: { type: 'string' },
                contentHash: { type: 'string' },
                receivedAt: { type: 'string' },
                tables: answer(reportTablesWireSchema),
              },
            }),
            '404': errorRef('区级尚未收到（NOT_FOUND）'),
            ...common,
          },
        },
      },
      '/consultations/{id}': {
        put: {
          summary:
            '上线或更新一次意见征集（幂等）：以已同步、经审查通过的「意见征集」公告条目为依据，区级公众页面随即展示',
          parameters: [{ ...idParam, description: '意见征集编号（UUID）' }],
          requestBody: body(consultationWireSchema),
          responses: {
            '201': json('首次上线', answer(consultationReceiptSchema)),
            '200': json('已更新或内容相同（unchanged）', answer(consultationReceiptSchema)),
            '404': errorRef('区级没有该公告条目，或该编号属于其他部门（NOT_FOUND）'),
            '409': errorRef(
              '区级的公告版本与所报版本不一致，或公告已被退回、撤回（REVISION_CONFLICT）',
            ),
            ...common,
          },
        },
      },
      '/consultations/comments': {
        get: {
          summary: '本部门收到的公众意见（游标之后，联系方式已遮蔽）',
          parameters: queryParams(commentsQuerySchema),
          responses: { '200': json('一页意见', answer(commentsPageSchema)), ...common },
        },
      },
      '/qa/{id}': {
        put: {
          summary: '保存本部门政策问答库的一条（经审查通过），幂等',
          parameters: [{ ...idParam, description: '问答编号' }],
          requestBody: body(qaWireSchema),
          responses: {
            '201': json('新建', answer(qaReceiptSchema)),
            '200': json('已更新或内容相同', answer(qaReceiptSchema)),
            '404': errorRef('该编号属于其他部门（NOT_FOUND）'),
            ...common,
          },
        },
        delete: {
          summary: '从政策问答库删除本部门的一条（幂等：不存在也回答 200）',
          parameters: [{ ...idParam, description: '问答编号' }],
          responses: { '200': json('{id, result: "deleted"}'), ...common },
        },
      },
      '/calendar': {
        get: {
          summary: '区级发布的节假日安排（各年度的放假日、调休上班日、版本号）',
          responses: { '200': json('{years}', answer(districtCalendarSchema)), ...common },
        },
      },
      '/schedule/breakdowns': {
        get: {
          summary: '区级已发布的重点工作分解表（各年度最新版本号），以及区级为本部门登记的名称',
          responses: {
            '200': json('{department, breakdowns}', answer(breakdownListSchema)),
            ...common,
          },
        },
      },
      '/schedule/breakdowns/{year}': {
        get: {
          summary:
            '某年度已发布的重点工作分解表（区级列：序号、重点工作、具体任务、责任单位、完成时限…）',
          parameters: [yearParam],
          responses: {
            '200': json('分解表', answer(breakdownWireSchema)),
            '404': errorRef('该年度尚未发布（NOT_FOUND）'),
            ...common,
          },
        },
      },
      '/schedule/tables/{year}': {
        put: {
          summary:
            '报送本部门该年度的工作配档表（本部门任务、具体措施、进展、完成情况、佐证材料），幂等',
          parameters: [yearParam],
          requestBody: body(putScheduleTableBodySchema),
          responses: {
            '201': json('首次收到', answer(scheduleTableReceiptSchema)),
            '200': json(
              '已更新（updated）或与已存内容相同（unchanged）',
              answer(scheduleTableReceiptSchema),
            ),
            ...common,
          },
        },
        get: {
          summary: '读取区级保存的本部门该年度配档表（只能读取本部门的）',
          parameters: [yearParam],
          responses: {
            '200': json(
              '{year, contentHash, receivedAt, table}',
              answer(scheduleTableStoredSchema),
            ),
            '404': errorRef('区级尚未收到（NOT_FOUND）'),
            ...common,
          },
        },
      },
    },
  }
}

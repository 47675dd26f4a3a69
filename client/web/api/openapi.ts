// A short OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Kept by
// hand next to the routes (api/office.ts, api/unit.ts); the test checks every documented
// path is routed.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, content: json(schema) });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? 'error', content: json(ref('Error')) }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input',
  401: 'not signed in',
  403: 'forbidden, CSRF token missing, or link invalid',
  404: 'not found',
  409: 'refused by the workflow (its validator says why)',
  410: 'link expired',
  413: 'upload too large',
  415: 'file type not accepted',
  429: 'too many sign-in attempts',
  503: 'Temporal unavailable',
};
const program = { name: 'program', in: 'path', required: true, schema: { type: 'string' } };
const id = { name: 'id', in: 'path', required: true, description: 'workflow id, URL-encoded', schema: { type: 'string' } };
const token = { name: 'token', in: 'path', required: true, description: 'the signed link token from the email', schema: { type: 'string' } };
const page = { name: 'page', in: 'query', schema: { type: 'string' }, description: 'opaque token from `next`' };
const office = [{ session: [], csrf: [] }];
const body = (schema: object) => ({ required: true, content: json(schema) });

function action(summary: string, schema: object) {
  return { post: { summary, security: office, parameters: [id], requestBody: body(schema), responses: { 200: ok('the workflow’s answer'), ...errors(400, 401, 403, 404, 409, 503) } } };
}

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'dondoc API',
    version: '0.1.0',
    description:
      'Đôn đốc: compliance data read from Temporal visibility and actions sent as workflow updates. Office endpoints use the session cookie set by POST /api/session and the `x-csrf-token` header it returns; unit endpoints use the signed link token from the email. Errors are always `{ error: { code, message, details? } }`.',
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'dondoc_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
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
              code: { enum: ['validation', 'unauthenticated', 'forbidden', 'csrf', 'not_found', 'link_invalid', 'link_expired', 'rejected', 'rate_limited', 'too_large', 'unsupported_type', 'unavailable', 'internal'] },
              message: { type: 'string' },
              details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            },
          },
        },
      },
      CellStatus: { enum: ['not-yet-due', 'requested', 'submitted', 'late', 'returned', 'accepted', 'overdue', 'escalated', 'exempt', 'unknown'] },
      Row: {
        type: 'object',
        properties: {
          workflowId: { type: 'string' }, programId: { type: 'string' }, itemId: { type: 'string' }, period: { type: 'string' }, unitId: { type: 'string' },
          unitName: { type: ['string', 'null'] }, status: { type: ['string', 'null'] }, cellStatus: ref('CellStatus'), due: { type: ['string', 'null'], format: 'date-time' }, running: { type: 'boolean' },
          source: { enum: ['live', 'records'], description: 'records: closed work Temporal no longer has, read from the records database' },
          receiptNumber: { type: 'string', description: 'latest receipt number, from the records database' },
        },
      },
      Page: { type: 'object', properties: { rows: { type: 'array', items: ref('Row') }, next: { type: ['string', 'null'] } } },
      Receipt: { type: 'object', properties: { receiptNumber: { type: 'string' }, receivedAt: { type: 'string', format: 'date-time' }, late: { type: 'boolean' } } },
      StoredFile: { type: 'object', properties: { ref: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' }, contentType: { type: 'string' } } },
      ReportFile: { type: 'object', properties: { ref: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' }, contentType: { type: 'string' }, url: { type: 'string', description: 'download address (office and chair)' } } },
      CyclePhase: { enum: ['collecting', 'awaiting-approval', 'returned-to-office', 'forwarding', 'forwarded', 'closed'] },
      Occurrence: {
        type: 'object',
        properties: {
          workflowId: { type: 'string' }, workflowType: { enum: ['reportCycleWorkflow', 'taskWorkflow', 'campaignWorkflow'] }, programId: { type: 'string' }, itemId: { type: 'string' }, itemTitle: { type: ['string', 'null'] },
          period: { type: 'string' }, phase: { type: ['string', 'null'], description: 'DondocStatus: the cycle’s or campaign’s phase' }, running: { type: 'boolean' },
          startedAt: { type: ['string', 'null'], format: 'date-time' }, closedAt: { type: ['string', 'null'], format: 'date-time' }, page: { type: 'string' },
        },
      },
      Consolidation: {
        type: 'object',
        properties: {
          version: { type: 'integer' }, at: { type: 'string', format: 'date-time' }, xlsx: ref('ReportFile'), html: ref('ReportFile'),
          counts: { type: 'object', properties: { total: { type: 'integer' }, onTime: { type: 'integer' }, late: { type: 'integer' }, missing: { type: 'integer' }, exempt: { type: 'integer' }, returned: { type: 'integer' } } },
          sums: { type: 'object', additionalProperties: { type: 'number' } },
        },
      },
    },
  },
  paths: {
    '/api/health': { get: { summary: 'Temporal, worker and SMTP checks', responses: { 200: ok('all up'), 503: ok('something is down') } } },
    '/api/session': {
      post: {
        summary: 'Sign in (office or chair); sets the session cookie and returns the CSRF token',
        requestBody: body({ type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } }),
        responses: { 200: ok('signed in', { type: 'object', properties: { username: { type: 'string' }, role: { enum: ['office', 'chair'] }, csrfToken: { type: 'string' }, expiresAt: { type: 'string' } } }), ...errors(400, 401, 429) },
      },
      delete: { summary: 'Sign out', security: office, responses: { 204: { description: 'signed out' }, ...errors(401, 403) } },
    },
    '/api/programs': { get: { summary: 'Programs that have assignments', security: [{ session: [] }], responses: { 200: ok('program ids'), ...errors(401) } } },
    '/api/programs/{program}/summary': { get: { summary: 'Counts by status and the (item, period) columns', security: [{ session: [] }], parameters: [program], responses: { 200: ok('summary'), ...errors(401, 404) } } },
    '/api/programs/{program}/matrix': {
      get: {
        summary: 'Compliance matrix, one page of units',
        security: [{ session: [] }],
        parameters: [program, { name: 'cols', in: 'query', schema: { type: 'array', items: { type: 'string' } }, description: '`item|period` keys' }, { name: 'unit', in: 'query', schema: { type: 'string' }, description: 'unit id prefix' }, page],
        responses: { 200: ok('matrix'), ...errors(400, 401, 404) },
      },
    },
    '/api/programs/{program}/overdue': { get: { summary: 'Overdue assignments', security: [{ session: [] }], parameters: [program, page, { name: 'size', in: 'query', schema: { type: 'integer', maximum: 500 } }], responses: { 200: ok('page', ref('Page')), ...errors(400, 401, 404) } } },
    '/api/programs/{program}/review-queue': { get: { summary: 'Submissions awaiting review', security: [{ session: [] }], parameters: [program, page, { name: 'size', in: 'query', schema: { type: 'integer', maximum: 500 } }], responses: { 200: ok('page', ref('Page')), ...errors(400, 401, 404) } } },
    '/api/programs/{program}/requests': { get: { summary: 'Pending extension and exemption requests (bounded scan of open assignments)', security: [{ session: [] }], parameters: [program], responses: { 200: ok('requests'), ...errors(401, 404) } } },
    '/api/assignments/{id}': { get: { summary: 'One assignment’s state (status query): submissions, reviews, extensions, requests, notices', security: [{ session: [] }], parameters: [id], responses: { 200: ok('state'), ...errors(401, 404, 503) } } },
    '/api/assignments/{id}/review': action('Accept, or return with a comment and an optional newDueAt', { type: 'object', required: ['decision'], properties: { decision: { enum: ['accept', 'return'] }, comment: { type: 'string' }, newDueAt: { type: 'string', format: 'date-time' } } }),
    '/api/assignments/{id}/extend': action('Move the due', { type: 'object', required: ['newDueAt', 'reason'], properties: { newDueAt: { type: 'string', format: 'date-time' }, reason: { type: 'string' } } }),
    '/api/assignments/{id}/decide': action('Grant or refuse a unit’s request', { type: 'object', required: ['requestId', 'grant'], properties: { requestId: { type: 'integer' }, grant: { type: 'boolean' }, newDueAt: { type: 'string', format: 'date-time' }, comment: { type: 'string' } } }),
    '/api/assignments/{id}/exempt': action('Exempt the unit', { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } }),
    '/api/programs/{program}/occurrences': { get: { summary: 'The program’s report cycles and tasks with their phase (visibility only)', security: [{ session: [] }], parameters: [program, page, { name: 'size', in: 'query', schema: { type: 'integer', maximum: 500 } }], responses: { 200: ok('page', { type: 'object', properties: { rows: { type: 'array', items: ref('Occurrence') }, next: { type: ['string', 'null'] } } }), ...errors(400, 401, 404) } } },
    '/api/programs/{program}/approvals': {
      get: {
        summary: 'Consolidated reports awaiting the chair, each with its latest consolidation (counts and files); at most 25 states are read',
        security: [{ session: [] }],
        parameters: [program],
        responses: { 200: ok('queue', { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { occurrence: ref('Occurrence'), itemTitle: { type: ['string', 'null'] }, periodLabel: { type: ['string', 'null'] }, phase: { type: ['string', 'null'] }, consolidation: { oneOf: [ref('Consolidation'), { type: 'null' }] } } } }, total: { type: 'integer' } } }), ...errors(401, 404) },
      },
    },
    '/api/programs/{program}/campaigns': { get: { summary: 'The program’s campaigns (Action Month): milestones, plans, the results cycle and its phase', security: [{ session: [] }], parameters: [program], responses: { 200: ok('campaigns'), ...errors(401, 404) } } },
    '/api/occurrences/{id}': { get: { summary: 'One report cycle, task or campaign: its state (status query); report files carry their download address', security: [{ session: [] }], parameters: [id], responses: { 200: ok('occurrence', { type: 'object', properties: { workflowId: { type: 'string' }, workflowType: { type: 'string' }, kind: { enum: ['cycle', 'campaign'] }, programId: { type: 'string' }, running: { type: 'boolean' }, state: { type: 'object' } } }), ...errors(401, 404, 503) } } },
    '/api/occurrences/{id}/approve': {
      post: {
        summary: 'The chair approves the consolidated report (it is forwarded upward) or returns it to the office with a comment; chair role only',
        security: office,
        parameters: [id],
        requestBody: body({ type: 'object', required: ['decision'], properties: { decision: { enum: ['approve', 'return'] }, comment: { type: 'string', description: 'required to return' } } }),
        responses: { 200: ok('the phase when the decision was taken', { type: 'object', properties: { phase: ref('CyclePhase') } }), ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    '/api/occurrences/{id}/consolidate': {
      post: {
        summary: 'The office consolidates now (phase collecting) or again after a return (returned-to-office); office role only',
        security: office,
        parameters: [id],
        requestBody: body({ type: 'object' }),
        responses: { 200: ok('the phase when asked', { type: 'object', properties: { phase: ref('CyclePhase') } }), ...errors(401, 403, 404, 409, 503) },
      },
    },
    '/office/occurrences/{id}/files/{ref}': {
      get: {
        summary: 'A consolidated report file (XLSX or HTML) named in that cycle’s own state; any other ref is 404',
        security: [{ session: [] }],
        parameters: [id, { name: 'ref', in: 'path', required: true, description: 'file ref from the state, URL-encoded', schema: { type: 'string' } }],
        responses: { 200: { description: 'the file, as an attachment', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {}, 'text/html': {} } }, ...errors(401, 404) },
      },
    },
    '/api/unit/{token}': { get: { summary: 'The unit’s view of its assignment', parameters: [token], responses: { 200: ok('state without notices'), ...errors(403, 404, 410, 503) } } },
    '/api/unit/{token}/files': {
      post: {
        summary: 'Upload attachments (multipart, field `files`); all or nothing, within the assignment’s quota (413 `quota`); returns refs that only this link can submit',
        parameters: [token],
        requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
        responses: { 201: ok('stored', { type: 'object', properties: { files: { type: 'array', items: ref('StoredFile') } } }), ...errors(400, 403, 404, 410, 413, 415, 503) },
      },
    },
    '/api/unit/{token}/submit': {
      post: {
        summary: 'Submit; returns the receipt',
        parameters: [token],
        requestBody: body({ type: 'object', required: ['content'], properties: { content: { type: 'string' }, submittedBy: { type: 'string' }, indicators: { type: 'object', additionalProperties: { type: ['number', 'string'] } }, attachments: { type: 'array', items: { type: 'string' }, description: 'refs' } } }),
        responses: { 200: ok('receipt', ref('Receipt')), ...errors(400, 403, 404, 409, 410, 503) },
      },
    },
    '/api/unit/{token}/extension': { post: { summary: 'Ask for an extension', parameters: [token], requestBody: body({ type: 'object', required: ['reason'], properties: { reason: { type: 'string' }, proposedDueAt: { type: 'string', format: 'date-time' }, requestedBy: { type: 'string' } } }), responses: { 200: ok('request record'), ...errors(400, 403, 404, 409, 410, 503) } } },
    '/api/unit/{token}/exemption': { post: { summary: 'Ask for an exemption', parameters: [token], requestBody: body({ type: 'object', required: ['reason'], properties: { reason: { type: 'string' }, requestedBy: { type: 'string' } } }), responses: { 200: ok('request record'), ...errors(400, 403, 404, 409, 410, 503) } } },
    '/office/programs/{program}/matrix.csv': { get: { summary: 'Matrix export, CSV (UTF-8 with BOM)', security: [{ session: [] }], parameters: [program], responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } } } },
    '/office/programs/{program}/matrix.xlsx': { get: { summary: 'Matrix export, Excel', security: [{ session: [] }], parameters: [program], responses: { 200: { description: 'XLSX', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } } } } },
    '/office/programs/{program}/units/{unit}/calendar.ics': { get: { summary: 'One unit’s due dates, iCalendar', security: [{ session: [] }], parameters: [program, { name: 'unit', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ICS', content: { 'text/calendar': {} } } } } },
  },
} as const;

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { renderInboxPage, renderMessagePage, renderNotFoundPage } from './inbox-page';
import type { MessageStore } from './store';

// Mail bodies are hostile input: no script may run anywhere on these pages, the HTML part
// included (a srcdoc frame inherits this policy).
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const MESSAGE_PAGE = /^\/messages\/(\d+)$/;
const MESSAGE_API = /^\/api\/messages\/(\d+)$/;

export function createInboxServer(store: MessageStore): Server {
  return createServer((req, res) => {
    try {
      route(store, req, res);
    } catch (err) {
      sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
    }
  });
}

function route(store: MessageStore, req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://sink.invalid').pathname;
  const method = req.method ?? 'GET';
  const read = method === 'GET' || method === 'HEAD';

  if (path === '/' && read) return sendPage(res, 200, renderInboxPage(store.list()));
  if (path === '/clear' && method === 'POST') {
    store.clear();
    res.writeHead(303, { location: '/', 'cache-control': 'no-store' }).end();
    return;
  }
  if (path === '/api/messages') {
    if (read) return sendJson(res, 200, store.list());
    if (method === 'DELETE') {
      store.clear();
      res.writeHead(204, { 'cache-control': 'no-store' }).end();
      return;
    }
    return methodNotAllowed(res, 'GET, HEAD, DELETE');
  }

  const pageMatch = MESSAGE_PAGE.exec(path);
  if (pageMatch && read) {
    const message = store.get(Number(pageMatch[1]));
    return message ? sendPage(res, 200, renderMessagePage(message)) : sendPage(res, 404, renderNotFoundPage());
  }
  const apiMatch = MESSAGE_API.exec(path);
  if (apiMatch && read) {
    const message = store.get(Number(apiMatch[1]));
    return message ? sendJson(res, 200, message) : sendJson(res, 404, { error: 'không tìm thấy thư (message not found)' });
  }

  if (path.startsWith('/api/')) return sendJson(res, 404, { error: 'không có đường dẫn này (not found)' });
  sendPage(res, 404, renderNotFoundPage());
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS).end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body, null, 2));
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.writeHead(405, { allow, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: 'method not allowed' }));
}

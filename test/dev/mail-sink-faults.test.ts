// The sink as the operator and the fault suite use it: its inbox survives a restart (the
// record of what was sent), it can bounce chosen addresses with a permanent 550 5.1.1 as a
// real relay does for a missing mailbox, and its SMTP port can go down and come back.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { startMailSink, type MailSink, type SunkMessage } from '../../dev/mail-sink/sink';

const root = resolve(__dirname, '..', '..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-sink-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function send(port: number, mail: { to: string | string[]; messageId: string; subject?: string }) {
  const t = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    return await t.sendMail({ from: 'dondoc@example.vn', subject: mail.subject ?? 'Nhắc hạn', text: 'x', ...mail });
  } finally {
    t.close();
  }
}

const sendError = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err as { responseCode?: number; code?: string; message: string });

describe('a sink with a data directory', () => {
  it('shows the same inbox after a restart, and new ids follow the old ones', async () => {
    const dataDir = tempDir();
    const first = await startMailSink({ dataDir });
    await send(first.smtpPort, { to: 'tu-phap@example.vn', messageId: '<a/request@dondoc>', subject: 'Đề nghị thực hiện báo cáo' });
    await send(first.smtpPort, { to: 'noi-vu@example.vn', messageId: '<b/request@dondoc>' });
    await first.waitFor(() => true, { count: 2 });
    await first.close();

    const second = await startMailSink({ dataDir });
    try {
      expect(second.messages().map((m) => [m.id, m.messageId])).toEqual([
        [1, '<a/request@dondoc>'],
        [2, '<b/request@dondoc>'],
      ]);
      const api = (await (await fetch(`http://127.0.0.1:${second.httpPort}/api/messages`)).json()) as SunkMessage[];
      expect(api.map((m) => m.messageId)).toEqual(['<a/request@dondoc>', '<b/request@dondoc>']);
      const page = await (await fetch(`http://127.0.0.1:${second.httpPort}/`)).text();
      expect(page).toContain('Đề nghị thực hiện báo cáo');
      await send(second.smtpPort, { to: 'tu-phap@example.vn', messageId: '<c/request@dondoc>' });
      const [c] = await second.waitFor((m) => m.messageId === '<c/request@dondoc>');
      expect(c?.id).toBe(3);
      // A clear is kept too: the next start shows an empty inbox and ids still do not restart.
      second.clear();
    } finally {
      await second.close();
    }
    const third = await startMailSink({ dataDir });
    try {
      expect(third.messages()).toEqual([]);
      await send(third.smtpPort, { to: 'tu-phap@example.vn', messageId: '<d/request@dondoc>' });
      const [d] = await third.waitFor(() => true);
      expect(d?.id).toBe(4);
    } finally {
      await third.close();
    }
  });

  it('keeps the inbox across a restart of main.ts with DATA_DIR, and bounces MAIL_SINK_REJECT', async () => {
    const dataDir = tempDir();
    const run = async (onReady: (smtp: number, http: number) => Promise<void>) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'dev/mail-sink/main.ts')], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, SMTP_SINK_PORT: '0', SMTP_SINK_HTTP_PORT: '0', MAIL_SINK_REJECT: 'Hong@Example.vn, mat@example.vn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      const ready = new Promise<[number, number]>((res, rej) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          const m = /smtp:\/\/127\.0\.0\.1:(\d+), http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
          if (m) res([Number(m[1]), Number(m[2])]);
        });
        void exited.then(() => rej(new Error(`sink exited: ${out}`)));
      });
      const [smtp, http] = await ready;
      try {
        await onReady(smtp, http);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      return out;
    };
    const out = await run(async (smtp) => {
      await send(smtp, { to: 'tu-phap@example.vn', messageId: '<kept@dondoc>' });
      const err = await sendError(send(smtp, { to: 'hong@example.vn', messageId: '<bounced@dondoc>' }));
      expect(err?.responseCode).toBe(550);
      expect(err?.message).toContain('5.1.1');
    });
    expect(out).toContain('từ chối (550) Hong@Example.vn, mat@example.vn');
    await run(async (_smtp, http) => {
      const list = (await (await fetch(`http://127.0.0.1:${http}/api/messages`)).json()) as SunkMessage[];
      expect(list.map((m) => m.messageId)).toEqual(['<kept@dondoc>']);
    });
  });
});

describe('sink switches for fault tests', () => {
  let sink: MailSink | undefined;
  afterAll(async () => {
    await sink?.close();
  });

  it('answers 550 5.1.1 for a rejected address and still delivers to the others of the same message', async () => {
    sink = await startMailSink({ reject: ['bounce@example.vn'] });
    const err = await sendError(send(sink.smtpPort, { to: 'BOUNCE@example.vn', messageId: '<x@dondoc>' }));
    expect(err?.responseCode).toBe(550);
    expect(err?.message).toMatch(/550 5\.1\.1 <BOUNCE@example\.vn>/);
    const info = await send(sink.smtpPort, { to: ['bounce@example.vn', 'ok@example.vn'], messageId: '<y@dondoc>' });
    expect(info.rejected).toEqual(['bounce@example.vn']);
    const [m] = await sink.waitFor((x) => x.messageId === '<y@dondoc>');
    expect(m?.envelopeTo).toEqual(['ok@example.vn']);
    expect(sink.messages().some((x) => x.messageId === '<x@dondoc>')).toBe(false);
    // The list can change while running.
    sink.setRejected([]);
    await send(sink.smtpPort, { to: 'bounce@example.vn', messageId: '<z@dondoc>' });
    await sink.waitFor((x) => x.messageId === '<z@dondoc>');
  });

  it('refuses connections while stopped, keeps its inbox up, and takes mail again on the same port', async () => {
    sink ??= await startMailSink({});
    const port = sink.smtpPort;
    await sink.stopSmtp();
    const err = await sendError(send(port, { to: 'a@example.vn', messageId: '<down@dondoc>' }));
    expect(err?.code).toBe('ESOCKET');
    expect(err?.message).toContain('ECONNREFUSED');
    expect((await fetch(`http://127.0.0.1:${sink.httpPort}/api/messages`)).status).toBe(200);
    await sink.startSmtp();
    expect(sink.smtpPort).toBe(port);
    await send(port, { to: 'a@example.vn', messageId: '<up@dondoc>' });
    await sink.waitFor((x) => x.messageId === '<up@dondoc>');
  });
});

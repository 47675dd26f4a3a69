import { createServer } from 'node:net';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink, type MailSink, type SunkMessage } from '../../dev/mail-sink/sink';

const SUBJECT = '[Đôn đốc] Nhắc hạn nộp Báo cáo sơ kết 6 tháng – hạn 12/06/2026';

function transport(port: number) {
  return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}

async function send(sink: MailSink, mail: Parameters<ReturnType<typeof transport>['sendMail']>[0]): Promise<void> {
  const t = transport(sink.smtpPort);
  try {
    await t.sendMail({ from: 'dondoc@example.vn', to: 'unit@example.vn', ...mail });
  } finally {
    t.close();
  }
}

async function getJson<T>(sink: MailSink, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`http://127.0.0.1:${sink.httpPort}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

async function getText(sink: MailSink, path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(`http://127.0.0.1:${sink.httpPort}${path}`);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

describe('mail sink', () => {
  let sink: MailSink;

  beforeAll(async () => {
    sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    await sink.close();
  });

  it('reports the real ports it picked', () => {
    expect(sink.smtpPort).toBeGreaterThan(0);
    expect(sink.httpPort).toBeGreaterThan(0);
    expect(sink.smtpPort).not.toBe(sink.httpPort);
  });

  it('keeps what was sent: Message-ID, recipients, Vietnamese subject, HTML and attachments', async () => {
    sink.clear();
    await send(sink, {
      messageId: '<assign-x/request@dondoc>',
      from: '"Phòng Lao động - Thương binh và Xã hội" <ldtbxh@trieuson.example.vn>',
      to: '"Phòng Tư pháp" <tuphap@trieuson.example.vn>',
      cc: 'vanphong@trieuson.example.vn',
      bcc: 'luutru@trieuson.example.vn',
      subject: SUBJECT,
      text: 'Kính gửi: Phòng Tư pháp\nĐề nghị nộp báo cáo đúng hạn.',
      html: '<p>Kính gửi: <b>Phòng Tư pháp</b></p>',
      attachments: [
        { filename: 'Biểu mẫu báo cáo.xlsx', content: Buffer.alloc(1234, 1), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        { filename: 'huong-dan.txt', content: 'Hướng dẫn', contentType: 'text/plain' },
      ],
    });
    const [m] = await sink.waitFor((x) => x.messageId === '<assign-x/request@dondoc>');
    expect(m).toBeDefined();
    const msg = m as SunkMessage;
    expect(msg.messageId).toBe('<assign-x/request@dondoc>');
    expect(msg.headers['message-id']).toBe('<assign-x/request@dondoc>');
    expect(msg.from).toBe('ldtbxh@trieuson.example.vn');
    expect(msg.headers['from']).toContain('Phòng Lao động - Thương binh và Xã hội');
    expect(msg.to).toEqual(['tuphap@trieuson.example.vn']);
    expect(msg.cc).toEqual(['vanphong@trieuson.example.vn']);
    expect(msg.envelopeTo.sort()).toEqual(['luutru@trieuson.example.vn', 'tuphap@trieuson.example.vn', 'vanphong@trieuson.example.vn']);
    expect(msg.subject).toBe(SUBJECT);
    expect(msg.text).toContain('Đề nghị nộp báo cáo đúng hạn.');
    expect(msg.html).toContain('<b>Phòng Tư pháp</b>');
    expect(msg.attachments).toEqual([
      { filename: 'Biểu mẫu báo cáo.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 1234 },
      { filename: 'huong-dan.txt', contentType: 'text/plain', size: Buffer.byteLength('Hướng dẫn') },
    ]);
    expect(Number.isNaN(Date.parse(msg.date))).toBe(false);
    expect(Number.isNaN(Date.parse(msg.receivedAt))).toBe(false);
  });

  it('keeps a Message-ID exactly as sent even when it is not the usual shape', async () => {
    sink.clear();
    await send(sink, { messageId: '<assign-2026/II.1/tu-phap/r1/reminder-3@dondoc.local>', subject: 'x', text: 'x' });
    const [m] = await sink.waitFor(() => true);
    expect(m?.messageId).toBe('<assign-2026/II.1/tu-phap/r1/reminder-3@dondoc.local>');
  });

  it('serves the messages as JSON, one by one, and clears them', async () => {
    sink.clear();
    await send(sink, { subject: 'Thư thứ nhất', text: 'một', messageId: '<one@dondoc>' });
    await send(sink, { subject: 'Thư thứ hai', text: 'hai', messageId: '<two@dondoc>', cc: 'cc@example.vn' });
    await sink.waitFor(() => true, { count: 2 });

    const list = await getJson<SunkMessage[]>(sink, '/api/messages');
    expect(list.status).toBe(200);
    expect(list.body.map((m) => m.subject)).toEqual(['Thư thứ nhất', 'Thư thứ hai']);
    expect(list.body.map((m) => m.messageId)).toEqual(['<one@dondoc>', '<two@dondoc>']);
    const second = list.body[1] as SunkMessage;
    expect(Object.keys(second).sort()).toEqual(
      ['attachments', 'cc', 'date', 'envelopeTo', 'from', 'headers', 'html', 'id', 'messageId', 'receivedAt', 'subject', 'text', 'to'],
    );
    expect(second.cc).toEqual(['cc@example.vn']);

    const one = await getJson<SunkMessage>(sink, `/api/messages/${second.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(second);
    expect((await getJson<{ error: string }>(sink, '/api/messages/999999')).status).toBe(404);

    const inbox = await getText(sink, '/');
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('content-type')).toContain('text/html');
    expect(inbox.body).toContain('<html lang="vi">');
    // Newest first.
    expect(inbox.body.indexOf('Thư thứ hai')).toBeLessThan(inbox.body.indexOf('Thư thứ nhất'));
    expect(inbox.body).toContain(`href="/messages/${second.id}"`);

    const page = await getText(sink, `/messages/${second.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('&lt;two@dondoc&gt;');
    expect(page.body).toContain('hai');

    const del = await fetch(`http://127.0.0.1:${sink.httpPort}/api/messages`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(sink.messages()).toEqual([]);
    expect((await getJson<SunkMessage[]>(sink, '/api/messages')).body).toEqual([]);
    expect((await getText(sink, `/messages/${second.id}`)).status).toBe(404);
  });

  it('renders hostile subjects and HTML as text, the HTML part only inside a sandboxed frame', async () => {
    sink.clear();
    const hostile = '<script>alert("tiêu đề")</script>';
    await send(sink, {
      subject: hostile,
      text: 'văn bản <script>alert(2)</script>',
      html: '<p onclick="x()">Nội dung</p><script>alert(3)</script><iframe src="x"></iframe>',
      messageId: '<hostile@dondoc>',
    });
    const [m] = await sink.waitFor((x) => x.messageId === '<hostile@dondoc>');
    const inbox = await getText(sink, '/');
    expect(inbox.body).not.toContain('<script>');
    expect(inbox.body).toContain('&lt;script&gt;alert(&quot;tiêu đề&quot;)&lt;/script&gt;');
    expect(inbox.headers.get('content-security-policy')).toContain("script-src 'none'");

    const page = await getText(sink, `/messages/${m?.id}`);
    expect(page.body).not.toContain('<script>');
    expect(page.body).not.toContain('<p onclick');
    expect(page.body).toMatch(/<iframe title="[^"]*" sandbox="" [^>]*srcdoc="&lt;p onclick=&quot;x\(\)&quot;&gt;Nội dung&lt;\/p&gt;&lt;script&gt;/);
    // Exactly one real iframe: the mail's own iframe stays escaped inside srcdoc.
    expect(page.body.match(/<iframe/g)).toHaveLength(1);
  });

  it('waitFor waits for count matches and names what arrived when it times out', async () => {
    sink.clear();
    const waiting = sink.waitFor((m) => m.subject.startsWith('Nhắc'), { count: 2, timeoutMs: 5000 });
    await send(sink, { subject: 'Nhắc lần 1', text: '1' });
    await send(sink, { subject: 'Biên nhận', text: '2' });
    await send(sink, { subject: 'Nhắc lần 2', text: '3' });
    const matched = await waiting;
    expect(matched.map((m) => m.subject)).toEqual(['Nhắc lần 1', 'Nhắc lần 2']);

    const err = await sink.waitFor((m) => m.subject === 'không có', { timeoutMs: 100 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err?.message).toContain('100 ms');
    expect(err?.message).toContain('cần 1 thư khớp, có 0');
    expect(err?.message).toContain('đã nhận 3 thư');
    expect(err?.message).toContain('"Nhắc lần 1"');
    expect(err?.message).toContain('"Biên nhận"');

    sink.clear();
    const empty = await sink.waitFor(() => true, { timeoutMs: 50 }).catch((e: unknown) => e as Error);
    expect((empty as Error).message).toContain('chưa nhận thư nào');
  });

  it('refuses a port in use with a message naming the port', async () => {
    await expect(startMailSink({ smtpPort: sink.smtpPort, httpPort: 0 })).rejects.toThrow(
      `cổng ${sink.smtpPort} đang được dùng (port in use)`,
    );
    await expect(startMailSink({ smtpPort: 0, httpPort: sink.httpPort })).rejects.toThrow(
      `cổng ${sink.httpPort} đang được dùng (port in use)`,
    );
  });
});

describe('mail sink limits and shutdown', () => {
  it('keeps only the newest maxMessages', async () => {
    const sink = await startMailSink({ maxMessages: 2 });
    try {
      for (const n of [1, 2, 3]) await send(sink, { subject: `Thư ${n}`, text: String(n) });
      await sink.waitFor((m) => m.subject === 'Thư 3');
      expect(sink.messages().map((m) => [m.id, m.subject])).toEqual([
        [2, 'Thư 2'],
        [3, 'Thư 3'],
      ]);
    } finally {
      await sink.close();
    }
  });

  it('releases its ports and pending waiters on close', async () => {
    const sink = await startMailSink({});
    const waiting = sink.waitFor(() => true, { timeoutMs: 60_000 });
    await sink.close();
    await expect(waiting).rejects.toThrow('mail sink closed');
    await sink.close();
    // Both ports can be bound again at once.
    for (const port of [sink.smtpPort, sink.httpPort]) {
      const probe = createServer();
      await new Promise<void>((resolve, reject) => {
        probe.once('error', reject);
        probe.listen(port, '127.0.0.1', resolve);
      });
      await new Promise<void>((resolve) => probe.close(() => resolve()));
    }
  });
});

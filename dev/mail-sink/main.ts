import { join, resolve } from 'node:path';
import { z } from 'zod';
import { startMailSink } from './sink';

const port = (fallback: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'phải là số cổng từ 0 đến 65535 (must be a port number)')
      .transform(Number)
      .pipe(z.number().int().max(65535, 'phải là số cổng từ 0 đến 65535 (must be a port number)'))
      .optional()
      .transform((v) => v ?? fallback),
  );

const Env = z.object({
  // Loopback by default: the sink accepts mail from anyone who can reach it. Containers
  // (docker-compose.yml) set 0.0.0.0 so the worker's container can deliver.
  SMTP_SINK_HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('127.0.0.1')),
  SMTP_SINK_PORT: port(1025),
  SMTP_SINK_HTTP_PORT: port(1080),
  // The inbox is kept in DATA_DIR/mail-sink so a restarted sink still shows what was sent;
  // without DATA_DIR (a throwaway run) it lives in memory only.
  DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  // For fault tests: recipients the sink refuses with 550 5.1.1, comma-separated.
  MAIL_SINK_REJECT: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().optional())
    .transform((v) => (v ?? '').split(',').map((a) => a.trim()).filter((a) => a !== ''))
    .pipe(z.array(z.email('MAIL_SINK_REJECT: cần danh sách địa chỉ thư, cách nhau bởi dấu phẩy (comma-separated addresses)'))),
});

/** Runs the sink until SIGINT/SIGTERM; resolves with the process exit code. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`${issue?.path.join('.') ?? 'env'}: ${issue?.message ?? 'không hợp lệ'}`);
    return 1;
  }
  const config = parsed.data;

  let sink;
  try {
    sink = await startMailSink({
      smtpPort: config.SMTP_SINK_PORT,
      httpPort: config.SMTP_SINK_HTTP_PORT,
      host: config.SMTP_SINK_HOST,
      ...(config.DATA_DIR !== undefined ? { dataDir: join(resolve(config.DATA_DIR), 'mail-sink') } : {}),
      reject: config.MAIL_SINK_REJECT,
    });
  } catch (err) {
    // The supervisor shows this line to the user as is: the cause, no stack.
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  console.log(`Hộp thư thử nghiệm: smtp://${config.SMTP_SINK_HOST}:${sink.smtpPort}, http://${config.SMTP_SINK_HOST}:${sink.httpPort}`);
  if (config.MAIL_SINK_REJECT.length > 0) console.log(`Hộp thư thử nghiệm: từ chối (550) ${config.MAIL_SINK_REJECT.join(', ')}`);

  const running = sink;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}

// Prints the scrypt hash of a password for DONDOC_USERS, reading the password from stdin so
// it never lands in the shell history:  printf '%s' 'mật khẩu' | npx tsx auth/hash-password.ts
import { hashPassword } from './passwords';

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password.length < 8) throw new Error('mật khẩu phải có ít nhất 8 ký tự (password too short)');
  console.log(await hashPassword(password));
}

main().catch((err: unknown) => {
  console.error(`hash-password: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

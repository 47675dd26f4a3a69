// Visibility page tokens, signed. The server's own token went out in URLs and came back
// as is: a forged one made the server fail with UNKNOWN, which the SDK retried for ~50 s
// before the page answered 500. Tokens now carry an HMAC; anything else is a 400 before
// Temporal is asked.
import type { Client } from '@temporalio/client';
import { base64url, mac, safeEqual } from '../../auth/sign';
import { BadQueryValue } from './data/query';
import { Visibility, type AssignmentRow, type OccurrenceRow, type RowPage } from './data/visibility';

const MAC_LENGTH = 22;

export class BadPageToken extends BadQueryValue {
  override name = 'BadPageToken';
}

export function signPageToken(secret: Buffer, token: string): string {
  return `${token}${base64url(mac(secret, 'page-token', token)).slice(0, MAC_LENGTH)}`;
}

/** The server's token inside a signed one; throws BadPageToken for anything not signed here. */
export function openPageToken(secret: Buffer, signed: string): string {
  const token = signed.slice(0, -MAC_LENGTH);
  if (signed.length <= MAC_LENGTH || !/^[A-Za-z0-9_-]+$/.test(signed) || !safeEqual(Buffer.from(signPageToken(secret, token)), Buffer.from(signed))) {
    throw new BadPageToken('mã phân trang không hợp lệ (invalid page token)');
  }
  return token;
}

/** Visibility whose page tokens are signed on the way out and checked on the way in. */
export class SignedVisibility extends Visibility {
  constructor(
    client: Client,
    namespace: string,
    private readonly secret: Buffer,
  ) {
    super(client, namespace);
  }

  private sign<Row>(page: RowPage<Row>): RowPage<Row> {
    return page.next ? { ...page, next: signPageToken(this.secret, page.next) } : page;
  }

  override async page(query: string, pageSize: number, token?: string): Promise<RowPage<AssignmentRow>> {
    return this.sign(await super.page(query, pageSize, token ? openPageToken(this.secret, token) : undefined));
  }

  override async occurrences(query: string, pageSize: number, token?: string): Promise<RowPage<OccurrenceRow>> {
    return this.sign(await super.occurrences(query, pageSize, token ? openPageToken(this.secret, token) : undefined));
  }
}

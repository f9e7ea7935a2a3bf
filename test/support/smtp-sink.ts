/**
 * A local SMTP server that keeps what it receives (smtp-server, from nodemailer's authors), with
 * just enough MIME reading to check a message's plain-text and HTML parts. It can turn a
 * recipient away once, as a mail server briefly out of service does (451).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createRecordedLog } from '../fakes/recorded-log';

export interface SunkMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  url: string;
  messages: readonly SunkMail[];
  waitFor(predicate?: (m: SunkMail) => boolean, timeoutMs?: number): Promise<SunkMail>;
  /** The next RCPT TO of this address is refused with 451 (try again later). */
  refuseNext(address: string): void;
  /** Addresses refused so far, in order. */
  refused: readonly string[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const log = createRecordedLog<SunkMail>();
  const toRefuse: string[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const at = toRefuse.indexOf(address.address);
      if (at < 0) return callback();
      toRefuse.splice(at, 1);
      refused.push(address.address);
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        log.add({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages: log.entries,
    refused,
    refuseNext: (address) => void toRefuse.push(address),
    waitFor: (predicate = () => true, timeoutMs = 20_000) => log.waitFor(predicate, timeoutMs, () => `No matching email within ${timeoutMs} ms; got ${log.entries.length}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The decoded body of the first part with this content type (quoted-printable or base64 or plain). */
export function mimePart(raw: string, contentType: 'text/plain' | 'text/html'): string | undefined {
  const at = raw.search(new RegExp(`Content-Type: ${contentType.replace('/', '\\/')}`, 'i'));
  if (at < 0) return undefined;
  const rest = raw.slice(at);
  const headerEnd = rest.search(/\r?\n\r?\n/);
  const headers = rest.slice(0, headerEnd);
  const body = rest.slice(headerEnd).replace(/^\r?\n\r?\n/, '').split(/\r?\n--/)[0]!;
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request a receiver got, and whether its signature holds as a receiver checks it. */
export interface ReceivedWebhook {
  id: string;
  timestamp: number;
  body: string;
  payload: { type: string; subgraph: string; timestamp: string; data: { entries: Array<{ type: string; id: string; action: string; cursor: string }>; cursor: string } };
  signatureValid: boolean;
  /** The status it was answered with; undefined while held (or if the sender went away first). */
  answered?: number;
  receivedAt: number;
}

/** How a receiver answers: with a status, or by holding the request open (`'hold'`). */
export type Answer = number | 'hold';

/**
 * Verifies a Standard Webhooks signature as a receiver would: HMAC-SHA256 over `id.timestamp.body`
 * with the secret's decoded bytes, against each `v1,` signature of the header, and a timestamp within 5 minutes.
 */
export function verifyWebhook(secret: string, headers: Record<string, string | string[] | undefined>, body: string, nowSeconds = Date.now() / 1000): boolean {
  const [id, timestamp, header] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => String(headers[name] ?? ''));
  if (!id || !/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((part) => {
    const [version, signature] = part.split(',');
    const given = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A webhook receiver on 127.0.0.1 that records what it gets and answers as told. */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const held: ServerResponse[] = [];
  let secret = '';
  let answer: (request: ReceivedWebhook) => Answer = () => 200;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedWebhook = {
        id: String(req.headers['webhook-id']),
        timestamp: Number(req.headers['webhook-timestamp']),
        body,
        payload: JSON.parse(body),
        signatureValid: verifyWebhook(secret, req.headers, body),
        receivedAt: Date.now(),
      };
      received.push(request);
      const status = answer(request);
      if (status === 'hold') return void held.push(res);
      request.answered = status;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    /** The requests answered 2xx. */
    acknowledged: () => received.filter((r) => r.answered !== undefined && r.answered >= 200 && r.answered < 300),
    setSecret: (value: string) => void (secret = value),
    answerWith: (rule: (request: ReceivedWebhook) => Answer) => void (answer = rule),
    /** Waits until `done` holds of what was received (polling), or fails after `timeoutMs`. */
    async waitFor(done: (received: ReceivedWebhook[]) => boolean, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(received)) {
        if (Date.now() > deadline) throw new Error(`the receiver did not get what was waited for within ${timeoutMs} ms (got ${received.length} requests)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      held.forEach((res) => res.destroy());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

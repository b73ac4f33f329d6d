import { type IncomingMessage, request, type ServerResponse } from 'node:http';

/** Passes a request on to `target`'s host and port unchanged (method, path, headers, body) and pipes the answer back. */
export function forwardTo(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

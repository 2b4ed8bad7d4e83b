#!/usr/bin/env python3
"""A TCP relay on loopback that adds a fixed one-way delay in each direction (a round trip of
2 × DELAY), for benchmarks where netem is not available. Every chunk is forwarded DELAY after it
arrived, in order; throughput is not limited. Prints the listening port on stdout.

usage: delay-relay.py --listen-host 127.0.0.1 --target-host H --target-port P --delay-ms 10
"""
import argparse
import asyncio
import sys
import time


async def pipe(reader, writer, delay):
    queue = asyncio.Queue()

    async def sender():
        while True:
            due, data = await queue.get()
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:
                try:
                    writer.write_eof()
                except (OSError, RuntimeError):
                    pass
                return
            writer.write(data)
            await writer.drain()

    task = asyncio.ensure_future(sender())
    try:
        while True:
            data = await reader.read(1 << 18)
            queue.put_nowait((time.monotonic() + delay, data if data else None))
            if not data:
                break
        await task
    except (ConnectionError, OSError):
        task.cancel()


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--listen-host", default="127.0.0.1")
    p.add_argument("--target-host", required=True)
    p.add_argument("--target-port", type=int, required=True)
    p.add_argument("--delay-ms", type=float, default=10.0)
    a = p.parse_args()
    delay = a.delay_ms / 1000.0

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(a.target_host, a.target_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, server_writer, delay), pipe(server_reader, client_writer, delay),
                             return_exceptions=True)
        for w in (client_writer, server_writer):
            w.close()

    server = await asyncio.start_server(handle, a.listen_host, 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)

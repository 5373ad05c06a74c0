#!/usr/bin/env python3
"""What slow clients add to a normal request on `guide serve`.

Not a test: it starts `guide serve --port 0` on a guide, measures the time of
normal page requests (median of N) with no other connection, then again
while K connections send their request one byte every 1.5 s (a slow-loris
client), and prints both and the difference. Recorded in docs/benchmarks.md:

    python3 Benchmarks/serve_slow_clients.py .build/release/guide [--slow 8] [--requests 40]
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def request(port, path="/en/"):
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    assert data.startswith(b"HTTP/1.1 200"), data[:80]
    return time.perf_counter() - start


def slow_client(port, stop):
    text = f"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Padding: {'a' * 200}\r\n\r\n".encode()
    try:
        with socket.create_connection(("127.0.0.1", port)) as s:
            for byte in text:
                if stop.is_set():
                    return
                s.sendall(bytes([byte]))
                stop.wait(1.5)
    except OSError:
        pass


def measure(port, count):
    return statistics.median(request(port) for _ in range(count))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("guide")
    parser.add_argument("--slow", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="guide-serve-bench-")
    shutil.copytree(os.path.join(REPO, "Content"), os.path.join(work, "Content"))
    shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(work, "Templates"))
    server = subprocess.Popen([os.path.abspath(args.guide), "serve", "--port", "0"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = None
    for line in server.stdout:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            port = int(found.group(1))
            break
    try:
        request(port)
        alone = measure(port, args.requests)
        stop = threading.Event()
        clients = [threading.Thread(target=slow_client, args=(port, stop)) for _ in range(args.slow)]
        for client in clients:
            client.start()
        time.sleep(2)
        crowded = measure(port, args.requests)
        stop.set()
        for client in clients:
            client.join()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work)
    print(f"median of {args.requests} requests for /en/: alone {alone * 1000:.1f} ms; "
          f"with {args.slow} slow clients {crowded * 1000:.1f} ms; added {(crowded - alone) * 1000:.1f} ms")


if __name__ == "__main__":
    main()

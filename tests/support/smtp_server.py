#!/usr/bin/env python3
"""A real SMTP server for Valinta's email tests, built on aiosmtpd.

    python3 tests/support/smtp_server.py --port 0 --dir DIR

Binds to 127.0.0.1 (port 0 picks a free port), prints `LISTENING <port>` once it accepts
connections, and runs until killed. Each accepted message is written to `DIR/<n>.eml`
(n = 1, 2, ...) through a temporary file and a rename, so a reader never sees half a file. The
envelope is added on top as `X-Envelope-From` and `X-Envelope-To` headers.

Behaviour is steered at run time by `DIR/control.json`, read at every transaction:

    {"refuse": {"code": 451, "message": "try later", "times": 2, "at": "rcpt"}}

refuses the next `times` transactions with that reply and then accepts again (the count is
decremented in the file); without `times` it refuses every transaction. `at` is "rcpt"
(default) or "data": where in the transaction the refusal comes. No file: accept everything.
"""

import argparse
import asyncio
import json
import os
import sys

try:
    from aiosmtpd.smtp import SMTP
except ImportError:  # the tests check for this and say how to install it
    sys.stderr.write("aiosmtpd is missing: pip install aiosmtpd\n")
    sys.exit(3)


class Handler:
    def __init__(self, folder):
        self.folder = folder
        self.control = os.path.join(folder, "control.json")
        numbers = [
            int(name[:-4])
            for name in os.listdir(folder)
            if name.endswith(".eml") and name[:-4].isdigit()
        ]
        self.next_number = max(numbers, default=0) + 1

    def take_refusal(self):
        """The refusal for a new transaction, if control.json asks for one (and counts it)."""
        try:
            with open(self.control, encoding="utf-8") as f:
                control = json.load(f)
        except FileNotFoundError:
            return None
        refuse = control.get("refuse")
        if not refuse:
            return None
        times = refuse.get("times")
        if times is not None:
            if times <= 0:
                return None
            refuse["times"] = times - 1
            self.write_atomically(self.control, json.dumps(control).encode("utf-8"))
        code = int(refuse.get("code", 451))
        message = refuse.get("message", "refused by the test server")
        return {"reply": f"{code} {message}", "at": refuse.get("at", "rcpt")}

    def decide(self, envelope):
        # One decision per transaction, taken at its first recipient.
        if not hasattr(envelope, "valinta_refusal"):
            envelope.valinta_refusal = self.take_refusal()
        return envelope.valinta_refusal

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self.decide(envelope)
        if refusal and refusal["at"] == "rcpt":
            return refusal["reply"]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        refusal = self.decide(envelope)
        if refusal:
            return refusal["reply"]
        head = (
            f"X-Envelope-From: {envelope.mail_from}\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode("utf-8")
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        number = self.next_number
        self.next_number += 1
        self.write_atomically(os.path.join(self.folder, f"{number}.eml"), head + content)
        return "250 Message accepted for delivery"

    def write_atomically(self, path, data):
        temporary = os.path.join(self.folder, "." + os.path.basename(path) + ".tmp")
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    handler = Handler(args.dir)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="valinta-test-smtp", enable_SMTPUTF8=True),
        host="127.0.0.1",
        port=args.port,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"LISTENING {port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass

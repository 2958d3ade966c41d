"""RFC 3161 timestamps from the team's timestamp authority (``--tsa URL``), over plain HTTP(S)
with the standard library, for pyHanko's signer."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from typing import Any

from app.signing import SigningError

TIMEOUT_SECONDS = 20
MAX_RESPONSE = 1024 * 1024


def post_request(url: str, body: bytes) -> bytes:
    """POST a DER ``TimeStampReq``; the DER ``TimeStampResp`` (``SigningError`` on failure)."""
    if not url.startswith(("http://", "https://")):
        raise SigningError(f"The timestamp authority must be an http(s) URL, not '{url}'.")
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/timestamp-query"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return bytes(response.read(MAX_RESPONSE))
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SigningError(f"The timestamp authority {url} did not answer: {reason}.") from None


def http_timestamper(url: str) -> Any:
    """A pyHanko ``TimeStamper`` asking ``url``."""
    from asn1crypto import tsp  # type: ignore[import-untyped]
    from pyhanko.sign.timestamps.api import TimeStamper

    class HttpTimeStamper(TimeStamper):
        async def async_request_tsa_response(self, req: Any) -> Any:
            data = await asyncio.to_thread(post_request, url, req.dump())
            try:
                return tsp.TimeStampResp.load(data)
            except ValueError:
                raise SigningError(f"{url} did not answer with a timestamp.") from None

    stamper: Any = HttpTimeStamper
    return stamper()

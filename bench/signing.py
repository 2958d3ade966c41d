"""Benchmark: ``verify`` of a four-signature approval PDF, and one sign-off with its incremental
PDF signature, as ratios to pyHanko's own validate / sign of the same file in the same run.

- verify: ``app.verify.verify_bytes`` (every signature validated with the diff analysis,
  trust decided from the list, the attached document parsed and its digest recomputed) against
  pyHanko's ``validate_pdf_signature`` of each embedded signature (default diff policy, trust
  roots = the four certificates) — the floor.
- sign-off: ``app.approval.prepare_signoff`` (the detached signature over (digest, role,
  revision), the kept approval PDF read from the database, its signed fields listed, the field
  signed with the appearance) against ``pyhanko.sign.signers.sign_pdf`` of the same field of the
  same file with the same key — the floor. Keys are already unlocked in both.

Run: ``.venv/bin/python bench/signing.py``. Prints medians of RUNS runs (ours and the floor
measured alternately) and the ratios.
"""

from __future__ import annotations

import io
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 15


def medians(ours: Callable[[], object], floor: Callable[[], object]) -> tuple[float, float]:
    """Median times of both, measured alternately (a busy machine slows both alike)."""
    ours()  # warm-up
    floor()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for action, bucket in ((ours, times[0]), (floor, times[1])):
            start = time.perf_counter()
            action()
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    os.environ["POSTMORTEM_STUDIO_DATA"] = str(folder / "data")
    logging.disable(logging.CRITICAL)
    from app.approval import prepare_signoff, stored_pdf
    from app.demo import add_demo
    from app.session import DocumentSession
    from app.signing import new_key
    from app.signoff import install_signoff_workflow
    from app.store import Store
    from app.trust import TrustEntry, TrustList
    from app.verify import verify_bytes
    from app.vocabulary import DEFAULT_SIGNOFF_ROLES

    people = {role: new_key(f"Person {index}") for index, role in enumerate(DEFAULT_SIGNOFF_ROLES)}
    trust = TrustList(folder / "trust.txt")
    for role, key in people.items():
        trust.add(TrustEntry(key.fingerprint, (role,), key.subject))
    with Store(folder / "bench.sqlite3") as store:
        doc = add_demo(store)
        session = DocumentSession.open(store, doc.id)
        install_signoff_workflow(session)
        from app.approval import record_signoff

        for role in DEFAULT_SIGNOFF_ROLES[:3]:
            record_signoff(session, prepare_signoff(session, role, role, key=people[role]))
        three = stored_pdf(store, session.doc)
        assert three is not None
        last_role = DEFAULT_SIGNOFF_ROLES[3]
        last = people[last_role]

        ours_sign, floor_sign = medians(
            lambda: prepare_signoff(session, last_role, "Last", key=last),
            lambda: _pyhanko_sign(three, last, last_role),
        )

        record_signoff(session, prepare_signoff(session, last_role, "Last", key=last))
        four = stored_pdf(store, session.doc)
        assert four is not None
        path = folder / "approved.pdf"
        path.write_bytes(four)
        result = verify_bytes(four, trust, path)
        assert result.ok, result.lines()
        roots = [key.certificate for key in people.values()]
        ours_verify, floor_verify = medians(
            lambda: verify_bytes(four, trust, path), lambda: _pyhanko_validate(four, roots)
        )

    print(f"approval PDF: {len(four) // 1024} KiB, 4 signatures; medians of {RUNS} runs")
    print(f"verify (ours):                {ours_verify * 1000:7.1f} ms")
    print(f"pyHanko validate (floor):     {floor_verify * 1000:7.1f} ms")
    print(f"ratio verify / floor:         {ours_verify / floor_verify:7.2f}x")
    print(f"sign-off + PDF field (ours):  {ours_sign * 1000:7.1f} ms")
    print(f"pyHanko sign (floor):         {floor_sign * 1000:7.1f} ms")
    print(f"ratio sign-off / floor:       {ours_sign / floor_sign:7.2f}x")


def _pyhanko_validate(pdf: bytes, roots: list[object]) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    for embedded in reader.embedded_signatures:
        validate_pdf_signature(embedded, context)


def _pyhanko_sign(pdf: bytes, key: object, field: str) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    signer = signers.SimpleSigner(
        signing_cert=key.certificate,  # type: ignore[attr-defined]
        signing_key=key.key,  # type: ignore[attr-defined]
        cert_registry=SimpleCertificateStore.from_certs([key.certificate]),  # type: ignore[attr-defined]
    )
    output = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name=field), signer, output=output)
    return output.getvalue()


if __name__ == "__main__":
    main()

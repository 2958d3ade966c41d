"""The PDF that travels for approval: a "Signatures" page with one empty signature field per
required role, and the document's JSON attached (``postmortem.json``) so that every signature
also covers the exact content, revision and id it approves.

A field is named after its role (``prepared_by``); a replacement sign-off of the same role uses
``prepared_by__2`` and so on. Each sign-off signs its field incrementally (PAdES), so earlier
signatures stay valid. pyHanko and reportlab are imported lazily.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.errors import FormatError
from app.jsonio import content_digest, document_from_json, document_to_json
from app.model import Postmortem
from app.signing import SignerKey, SigningError

ATTACHMENT = "postmortem.json"
REASON_PREFIX = "Approved postmortem report; content digest sha256:"
REPLACEMENT = "__"
BOX_WIDTH = 240
BOX_HEIGHT = 78
MARGIN = 56


def field_name(role: str, taken: set[str] | None = None) -> str:
    """The field for ``role``: the role itself, or ``role__N`` when that one is taken."""
    taken = taken or set()
    name, number = role, 1
    while name in taken:
        number += 1
        name = f"{role}{REPLACEMENT}{number}"
    return name


def role_of_field(name: str) -> str:
    return name.split(REPLACEMENT, 1)[0]


def approval_document(doc: Postmortem) -> bytes:
    """The attached JSON: the document as it is approved (without sign-offs, in review)."""
    from app.jsonio import clone
    from app.vocabulary import Status

    copy = clone(doc)
    copy.signoffs = []
    if copy.status == Status.APPROVED:
        copy.status = Status.IN_REVIEW
    return document_to_json(copy).encode("utf-8")


def prepare_for_approval(
    report_pdf: bytes, doc: Postmortem, roles: tuple[str, ...], language: str = "en"
) -> bytes:
    """``report_pdf`` with the signatures page, its empty fields and the JSON attached."""
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils import generic as pdf_generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    generic: Any = pdf_generic
    writer: Any = IncrementalPdfFileWriter(io.BytesIO(report_pdf), strict=False)
    width, height = _page_size(writer)
    page_pdf, boxes = _signature_page(doc, roles, width, height, language)
    other = PdfFileReader(io.BytesIO(page_pdf), strict=False)
    xobject = writer.import_page_as_xobject(other, 0)
    resources = generic.DictionaryObject(
        {
            generic.NameObject("/XObject"): generic.DictionaryObject(
                {generic.NameObject("/Sigs"): xobject}
            )
        }
    )
    content = generic.StreamObject(stream_data=b"q /Sigs Do Q")
    page = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (0, 0, width, height)]
            ),
            generic.NameObject("/Resources"): resources,
            generic.NameObject("/Contents"): writer.add_object(content),
        }
    )
    writer.insert_page(page)
    last = writer.root["/Pages"]["/Count"] - 1
    for role, box in zip(roles, boxes, strict=True):
        append_signature_field(writer, SigFieldSpec(field_name(role), on_page=last, box=box))
    # signatures exist, append only: set now, so that no signer changes it after another
    form = writer.root["/AcroForm"]
    form[generic.NameObject("/SigFlags")] = generic.NumberObject(3)
    writer.update_container(form)
    data = embed.EmbeddedFileObject.from_file_data(
        writer, approval_document(doc), mime_type="application/json"
    )
    embed.embed_file(
        writer,
        embed.FileSpec(
            file_spec_string=ATTACHMENT,
            file_name=ATTACHMENT,
            embedded_data=data,
            description="The postmortem as approved (content, revision, id)",
            af_relationship=generic.NameObject("/Source"),
        ),
    )
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _page_size(writer: Any) -> tuple[float, float]:
    try:
        page, _ = writer.find_page_for_modification(0)
        box = [float(v) for v in page["/MediaBox"]]
        return box[2] - box[0], box[3] - box[1]
    except (KeyError, IndexError, TypeError):
        return 595.27, 841.89


def _signature_page(
    doc: Postmortem, roles: tuple[str, ...], width: float, height: float, language: str
) -> tuple[bytes, list[tuple[int, int, int, int]]]:
    """A one-page PDF titled "Signatures" with a labelled frame per role, and the frames."""
    from reportlab.pdfgen import canvas

    from app.report.fonts import BOLD, REGULAR, register_fonts
    from app.roles import ROLE_LABELS

    register_fonts()
    french = language == "fr"
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width, height))
    page.setFont(BOLD, 16)
    page.drawString(MARGIN, height - MARGIN, "Signatures")
    page.setFont(REGULAR, 9)
    intro = (
        f"{doc.title[:90]} · révision {doc.revision}"
        if french
        else f"{doc.title[:90]} · revision {doc.revision}"
    )
    page.drawString(MARGIN, height - MARGIN - 18, intro)
    page.drawString(MARGIN, height - MARGIN - 31, f"sha256:{content_digest(doc)}")
    boxes: list[tuple[int, int, int, int]] = []
    columns = 2
    gap = max(12.0, (width - 2 * MARGIN - columns * BOX_WIDTH) / (columns - 1))
    top = height - MARGIN - 60
    for index, role in enumerate(roles):
        column, row = index % columns, index // columns
        x = MARGIN + column * (BOX_WIDTH + gap)
        y = top - (row + 1) * (BOX_HEIGHT + 28)
        labels = ROLE_LABELS.get(role, ())
        label = labels[1 if french and len(labels) > 1 else 0] if labels else role
        page.setFont(BOLD, 10)
        page.drawString(x, y + BOX_HEIGHT + 6, label)
        page.setStrokeGray(0.6)
        page.setDash(3, 2)
        page.rect(x, y, BOX_WIDTH, BOX_HEIGHT)
        boxes.append((int(x), int(y), int(x + BOX_WIDTH), int(y + BOX_HEIGHT)))
    page.showPage()
    page.save()
    return buffer.getvalue(), boxes


@dataclass(frozen=True)
class Appearance:
    name: str
    role_label: str
    when: datetime


def stamp_time(when: datetime) -> str:
    """``2026-01-20 17:30 UTC+01:00``: the signing time with its offset, never ambiguous."""
    offset = when.strftime("%z") or "+0000"
    return f"{when:%Y-%m-%d %H:%M} UTC{offset[:3]}:{offset[3:]}"


def sign_field(
    pdf: bytes,
    signer: SignerKey,
    field: str,
    *,
    digest: str,
    appearance: Appearance,
    tsa_url: str = "",
) -> bytes:
    """``pdf`` with ``field`` signed by ``signer`` (PAdES, incremental update)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.stamp import TextStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    simple = signers.SimpleSigner(
        signing_cert=signer.certificate,
        signing_key=signer.key,
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [signer.certificate, *signer.chain]
        ),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=field,
        reason=f"{REASON_PREFIX}{digest}",
        name=appearance.name or None,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    stamp = TextStampStyle(
        stamp_text=(f"{appearance.name}\n{appearance.role_label}\n{stamp_time(appearance.when)}"),
        border_width=1,
    )
    timestamper = None
    if tsa_url:
        from app.timestamps import http_timestamper

        timestamper = http_timestamper(tsa_url)
    output = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        signers.PdfSigner(metadata, simple, stamp_style=stamp, timestamper=timestamper).sign_pdf(
            writer, output=output
        )
    except SigningError:
        raise
    except Exception as error:
        raise SigningError(f"Signing the PDF failed: {error}.") from error
    return output.getvalue()


def attached_document(reader: Any) -> bytes | None:
    """The bytes of ``postmortem.json`` attached to the PDF, or None."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return None
    for index in range(0, len(names) - 1, 2):
        if str(names[index]) != ATTACHMENT:
            continue
        try:
            spec = names[index + 1].get_object()
            stream = spec["/EF"]["/F"].get_object()
            return bytes(stream.data)
        except (KeyError, AttributeError, TypeError):
            return None
    return None


def attached_postmortem(reader: Any, source: str) -> Postmortem:
    """The attached document, parsed; ``FormatError`` when the PDF carries none."""
    data = attached_document(reader)
    if data is None:
        raise FormatError(
            f"{source} carries no attached postmortem.json: it was not exported for approval."
        )
    try:
        return document_from_json(data.decode("utf-8"))
    except (UnicodeDecodeError, FormatError) as error:
        raise FormatError(
            f"{source}: the attached postmortem.json is unreadable ({error})."
        ) from None

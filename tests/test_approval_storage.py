"""The approval PDF of each revision is kept as bytes in its own table, migrated from settings."""

from __future__ import annotations

import base64
from pathlib import Path

from app.approval import stored_pdf
from app.demo import add_demo
from app.jsonio import content_digest
from app.session import DocumentSession
from app.signoff import install_signoff_workflow
from app.store import Store, migrations
from tests.signing_helpers import approve


def test_a_signed_field_survives_reopening_and_an_edit_makes_it_stale(db_path: Path) -> None:
    with Store(db_path) as store:
        session = DocumentSession.open(store, add_demo(store).id)
        install_signoff_workflow(session)
        approve(session, ("prepared_by",))
        pdf = stored_pdf(store, session.doc)
        assert pdf is not None and pdf.startswith(b"%PDF")
        assert store.setting(f"approval_pdf:{session.doc.id}") is None
        doc_id = session.doc.id
    with Store(db_path) as store:
        doc = store.load(doc_id)
        assert stored_pdf(store, doc) == pdf
        doc.summary += " (edited)"
        assert stored_pdf(store, doc) is None, "another content digest: never reused"


def test_an_older_database_moves_its_approval_pdfs_out_of_settings(db_path: Path) -> None:
    step = next(m for m in migrations._migrations if m.name == "0005_approval_pdfs")
    migrations._migrations.remove(step)
    pdf = b"%PDF-1.7 approval copy"
    try:
        with Store(db_path) as old:
            kept, unreadable = add_demo(old), add_demo(old)
            old.set_setting(
                f"approval_pdf:{kept.id}",
                {
                    "revision": kept.revision,
                    "digest": content_digest(kept),
                    "pdf": base64.b64encode(pdf).decode(),
                },
            )
            old.set_setting(f"approval_pdf:{unreadable.id}", {"revision": 1, "pdf": "@@"})
            gone = {"revision": 1, "digest": "x", "pdf": base64.b64encode(pdf).decode()}
            old.set_setting("approval_pdf:gone-postmortem", gone)
            old.set_setting("defaults/author", "Camille")
    finally:
        migrations._migrations.append(step)
    with Store(db_path) as store:
        assert stored_pdf(store, store.load(kept.id)) == pdf
        assert stored_pdf(store, store.load(unreadable.id)) is None
        assert store.setting(f"approval_pdf:{kept.id}") is None
        assert store.setting("approval_pdf:gone-postmortem") is None
        assert store.setting("defaults/author") == "Camille", "other settings untouched"

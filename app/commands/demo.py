"""``demo``: add the payment-service demo postmortem and print its id."""

from __future__ import annotations

import argparse
from typing import Any

from app.demo import add_demo
from app.store import Store


def register(sub: Any) -> list[str]:
    sub.add_parser("demo", help="add the demo postmortem (payment-service incident), print its id")
    return ["demo"]


def run(args: argparse.Namespace, store: Store) -> int:
    doc = add_demo(store)
    print(doc.id)
    return 0

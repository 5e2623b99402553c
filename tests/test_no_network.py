from __future__ import annotations

import socket

import pytest


def test_tests_cannot_reach_the_network() -> None:
    with socket.socket() as s, pytest.raises(ConnectionRefusedError, match="may not reach"):
        s.connect(("93.184.216.34", 80))

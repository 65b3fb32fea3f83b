"""Shared fixtures for the billing service tests."""

import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from billing.clock import FrozenClock  # noqa: E402  (needs the path above)


@pytest.fixture
def clock():
    """A clock frozen at the start of the billing period."""
    return FrozenClock("2024-01-01T00:00:00Z")


@pytest.fixture(scope="session")
def currency():
    return "EUR"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: needs the database")

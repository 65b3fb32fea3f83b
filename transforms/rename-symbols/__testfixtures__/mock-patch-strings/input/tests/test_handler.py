import unittest
from unittest import mock

from app import helpers
from app.api import handler


class T(unittest.TestCase):
    def test_patch_string(self):
        with mock.patch("app.helpers._fetch", return_value=1):
            self.assertEqual(handler.run(), 1)

    def test_patch_where_used(self):
        with mock.patch("app.api.handler._fetch", return_value=2):
            self.assertEqual(handler.run(), 2)

    def test_patch_object(self):
        with mock.patch.object(helpers, "_fetch", return_value=3):
            self.assertEqual(helpers._fetch(), 3)

    def test_monkeypatch_style(self):
        patcher = mock.patch("app.helpers._other", return_value=4)
        self.assertEqual(getattr(helpers, "_fetch")(), 0)
        self.assertIsNotNone(patcher)


def test_monkeypatch(monkeypatch):
    monkeypatch.setattr("app.helpers._fetch", lambda: 5)
    monkeypatch.setattr(helpers, "_fetch", lambda: 6)
    assert helpers._fetch() == 6

import unittest
from unittest import mock

from db import engine
from ops import health


class EngineTests(unittest.TestCase):
    def test_iam_recycles_connections(self) -> None:
        with mock.patch("db.engine._use_iam_auth", return_value=True):
            self.assertEqual(engine.engine_options()["pool_recycle"], 600)

    def test_health_reports_iam(self) -> None:
        with mock.patch("ops.health._use_iam_auth", return_value=True):
            self.assertTrue(health.health()["iam"])

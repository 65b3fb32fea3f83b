import unittest
from unittest import mock

from app.api import request


class PathTests(unittest.TestCase):
    def test_parse_path(self) -> None:
        with mock.patch("app.api.request._is_version_segment", return_value=False):
            self.assertEqual(request.parse_body("{}"), {})

import unittest
from unittest import mock

from app.api.admin_request import _encode_cursor
from app.api.assets import user_assets


class UserAssetsTests(unittest.TestCase):
    def test_legacy_after_wins(self) -> None:
        event = {"queryStringParameters": {"after": "a2", "cursor": _encode_cursor("a9")}}
        self.assertEqual(user_assets.parse_cursor(event), "a2")

    def test_admin_cursor_is_decoded(self) -> None:
        with mock.patch("app.api.assets.user_assets._parse_cursor", return_value="a1") as decode:
            self.assertEqual(user_assets.parse_cursor({"queryStringParameters": {"cursor": "x"}}), "a1")
        decode.assert_called_once_with("x")

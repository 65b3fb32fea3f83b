import unittest
from unittest import mock

from svc import uploads


class UploadTests(unittest.TestCase):
    def test_bucket_comes_from_the_environment(self) -> None:
        with mock.patch("svc.uploads.require_env", return_value="media"):
            self.assertEqual(uploads.bucket(), "media")

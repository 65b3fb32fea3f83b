import unittest
from unittest import mock

from reports import jobs


class JobTests(unittest.TestCase):
    def test_weekly(self):
        with mock.patch("reports.legacy_export.render", return_value=""):
            self.assertEqual(jobs.run_job("weekly", [(1, 2)]), "1,2\r\n")


if __name__ == "__main__":
    unittest.main()

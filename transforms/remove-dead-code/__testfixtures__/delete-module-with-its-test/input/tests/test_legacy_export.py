import unittest

from reports.legacy_export import render


class RenderTests(unittest.TestCase):
    def test_one_row(self):
        self.assertIn("<row>1,2</row>", render([(1, 2)]))


if __name__ == "__main__":
    unittest.main()

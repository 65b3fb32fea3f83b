import unittest

from reports import export_csv


class ExportTests(unittest.TestCase):
    def test_one_row(self):
        self.assertEqual(export_csv([(1, 2)]), "1,2\r\n")


if __name__ == "__main__":
    unittest.main()

from app.router import _is_admin_path


def test_admin_prefix():
    assert _is_admin_path("/admin/x")

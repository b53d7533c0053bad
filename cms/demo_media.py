"""Images and documents for every app's demo content (and the tests), drawn here so
nothing is downloaded."""

import io
import zlib

from PIL import Image, ImageDraw

PALETTES = [
    ((0, 61, 122), (0, 140, 186)),
    ((18, 94, 60), (120, 190, 90)),
    ((120, 40, 90), (230, 120, 90)),
    ((40, 40, 90), (110, 110, 200)),
    ((150, 90, 0), (255, 204, 0)),
    ((30, 80, 100), (160, 210, 200)),
]


def picture(index, size=(1200, 675)):
    """A PNG: a diagonal gradient with a few circles, different for each index."""
    start, end = PALETTES[index % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 4):
        t = x / width
        colour = tuple(int(a + (b - a) * t) for a, b in zip(start, end, strict=True))
        draw.rectangle([x, 0, x + 4, height], fill=colour)
    for n in range(5):
        radius = 40 + ((index * 37 + n * 53) % 120)
        cx = (index * 211 + n * 263) % width
        cy = (index * 97 + n * 181) % height
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline="white", width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def pdf(title, paragraphs):
    """A small, valid one-page PDF with a title and a few lines of text."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    lines = ["BT", "/F1 18 Tf", "72 770 Td", f"({escape(title)}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for paragraph in paragraphs:
        words, line = paragraph.split(), ""
        for word in words:
            if len(line) + len(word) > 85:
                lines += [f"({escape(line)}) Tj", "0 -15 Td"]
                line = ""
            line = f"{line} {word}".strip()
        lines += [f"({escape(line)}) Tj", "0 -24 Td"]
    lines.append("ET")
    stream = zlib.compress("\n".join(lines).encode("latin-1", "replace"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()

"""Batch records written for the database tests (invented people and articles, not the corpus)."""
from __future__ import annotations

import json
from pathlib import Path


def official(name, titles, start, *, organization=None, sector="state", former=False):
    fact = {"type": "official", "text": f"{' '.join(titles)} {name}".strip(), "start": start,
            "end": start + len(name) + 10, "value": name, "rule": "official.title-first", "name": name,
            "titles": titles, "sector": sector}
    if organization:
        fact["organization"] = organization
    if former:
        fact["former"] = True
    return fact


def money(start, value, text="27 tỷ đồng"):
    return {"type": "money", "text": text, "start": start, "end": start + len(text), "value": value,
            "rule": "money.amount", "currency": "VND"}


def records():
    """Four articles: Hoàng Minh Tuấn as Chủ tịch then Bí thư in Quảng Bình (one person), another
    Hoàng Minh Tuấn as Giám đốc Sở Y tế Cà Mau (another person), and an untitled short mention."""
    return [
        {"source": "news/a1.txt", "published": "2023-03-01", "title": "Quảng Bình khởi công cầu mới",
         "facts": [official("Hoàng Minh Tuấn", ["Chủ tịch UBND tỉnh Quảng Bình"], 10,
                            organization="Ủy ban nhân dân tỉnh Quảng Bình"),
                   official("Hoàng Minh Tuấn", [], 200), money(300, 27000000000)]},
        {"source": "news/a2.txt", "published": "2024-06-15", "title": "Hội nghị Tỉnh ủy Quảng Bình",
         "facts": [official("Hoàng Minh Tuấn", ["Bí thư Tỉnh ủy Quảng Bình"], 5, organization="Tỉnh ủy Quảng Bình",
                            sector="party"),
                   {"type": "percent", "text": "7,5%", "start": 80, "end": 84, "value": 7.5, "rule": "percent.basic",
                    "unit": "%"},
                   {"type": "date", "text": "quý III/2024", "start": 90, "end": 102, "value": "2024-Q3",
                    "rule": "date.quarter", "grain": "quarter"}]},
        {"source": "news/a3.txt", "published": "2024-01-20", "title": "Cà Mau dành ngân sách cho y tế cơ sở",
         "facts": [official("Hoàng Minh Tuấn", ["Giám đốc Sở Y tế tỉnh Cà Mau"], 12,
                            organization="Sở Y tế tỉnh Cà Mau")]},
        {"source": "news/a4.txt", "published": "2024-09-02", "title": "Quảng Bình đón khách du lịch",
         "facts": [official("Hoàng Minh Tuấn", ["Bí thư Tỉnh ủy Quảng Bình"], 40, organization="Tỉnh ủy Quảng Bình",
                            sector="party")]},
        {"source": "news/broken.bin", "error": {"kind": "decode", "message": "news/broken.bin: binary"}},
    ]


def write(path: Path, rows=None) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (rows or records())), encoding="utf-8")
    return path

"""Calendars: points in time at a grain (points.py), the Vietnamese lunar calendar (lunar.py)."""

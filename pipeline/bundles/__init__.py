"""Hearing bundles: one indexed, paginated, bookmarked PDF per case and one per hearing day."""

from .build import CaseResult, DayResult, SessionResult, build_case_bundle, build_session

__all__ = ["CaseResult", "DayResult", "SessionResult", "build_case_bundle", "build_session"]

"""The life of a case: statuses and transitions, deadlines, hearing days, outcomes."""

"""Where documents come from: the inbox/ drop folder, in one pass or watched."""

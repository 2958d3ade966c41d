"""Running the postmortem meeting: agenda, timer, quick capture (no Qt here)."""
